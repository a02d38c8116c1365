// How long until something starts, in the words a reminder uses: "in 20 minutes",
// "in 1 hour 30 minutes", "in 24 hours", "in 3 days" (and "om 20 minuter",
// "20 分鐘後"). Rounded the way a person would say it, never up past the truth
// by more than the rounding step.
import type { Locale } from "~/i18n/locales";

const MINUTE = 60_000;

type Unit = "minute" | "hour" | "day";

interface TimeLeftWording {
  now: string;
  amount: (n: number, unit: Unit) => string;
  within: (amount: string) => string;
}

const SWEDISH_UNITS: Record<Unit, [string, string]> = { minute: ["minut", "minuter"], hour: ["timme", "timmar"], day: ["dag", "dagar"] };
const CHINESE_UNITS: Record<Unit, string> = { minute: "分鐘", hour: "小時", day: "日" };

const WORDING: Record<Locale, TimeLeftWording> = {
  en: { now: "now", amount: (n, unit) => `${n} ${unit}${n === 1 ? "" : "s"}`, within: (amount) => `in ${amount}` },
  sv: { now: "nu", amount: (n, unit) => `${n} ${SWEDISH_UNITS[unit][n === 1 ? 0 : 1]}`, within: (amount) => `om ${amount}` },
  "zh-Hant": { now: "現在", amount: (n, unit) => `${n} ${CHINESE_UNITS[unit]}`, within: (amount) => `${amount}後` },
};

/** The time left from `now` until `startsAt`, as "in …"; "now" once it has started. */
export function formatTimeLeft(now: Date, startsAt: Date, locale: Locale = "en"): string {
  const words = WORDING[locale] ?? WORDING.en;
  const plural = (n: number, unit: Unit) => words.amount(n, unit);
  const minutes = Math.round((startsAt.getTime() - now.getTime()) / MINUTE);
  if (minutes <= 0) return words.now;
  if (minutes < 60) return words.within(plural(minutes, "minute"));
  if (minutes < 180) {
    // Under three hours the minutes matter, to the nearest five.
    const hours = Math.floor(minutes / 60);
    const rest = Math.round((minutes % 60) / 5) * 5;
    if (rest === 60) return words.within(plural(hours + 1, "hour"));
    return rest === 0 ? words.within(plural(hours, "hour")) : words.within(`${plural(hours, "hour")} ${plural(rest, "minute")}`);
  }
  if (minutes < 48 * 60) return words.within(plural(Math.round(minutes / 60), "hour"));
  return words.within(plural(Math.round(minutes / 1440), "day"));
}
