// The viewer's time zone comes from the browser through a cookie (the Epic
// Stack's client-hint pattern): the server renders the right zone on the first
// byte, so there is no hydration mismatch and no flash of UTC.
export const TIME_ZONE_COOKIE = "podium-tz";
/** Set when the visitor chose a zone on /time-zone; the script then leaves the zone alone. */
export const MANUAL_ZONE_COOKIE = "podium-tz-manual";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [rawKey, ...rest] = part.trim().split("=");
    if (rawKey === name) {
      try {
        return decodeURIComponent(rest.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Runs before hydration. Sets the cookie when it is missing or stale and, only
 * then, reloads once so the server can render in the viewer's zone. A cookie
 * the viewer chose by hand (podium-tz-manual) is never overwritten.
 */
export const clientHintScript = `(function(){try{
var c=document.cookie.split(';').map(function(s){return s.trim()});
if(c.indexOf('${MANUAL_ZONE_COOKIE}=1')!==-1)return;
var tz=Intl.DateTimeFormat().resolvedOptions().timeZone;if(!tz)return;
var v=encodeURIComponent(tz);var cur=null;
for(var i=0;i<c.length;i++){if(c[i].indexOf('${TIME_ZONE_COOKIE}=')===0)cur=c[i].slice(${TIME_ZONE_COOKIE.length + 1});}
if(cur===v)return;
document.cookie='${TIME_ZONE_COOKIE}='+v+'; Max-Age=${ONE_YEAR_SECONDS}; Path=/; SameSite=Lax';
if(navigator.cookieEnabled&&document.cookie.indexOf('${TIME_ZONE_COOKIE}='+v)!==-1)window.location.reload();
}catch(e){}})();`;
