import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";

const KTH = {
  PODIUM_OIDC_PROVIDERS: "kth",
  PODIUM_OIDC_KTH_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
  PODIUM_OIDC_KTH_CLIENT_ID: "client",
  PODIUM_OIDC_KTH_CLIENT_SECRET: "secret",
  PODIUM_OIDC_KTH_NAME: "KTH",
  PODIUM_OIDC_KTH_ALLOWED_DOMAINS: "KTH.se, ug.kth.se",
};

describe("identity providers from the environment", () => {
  it("reads each provider's block, with lists split and domains lower-cased", () => {
    const env = readEnv({ NODE_ENV: "test", ...KTH });
    expect(env.oidcProviders).toEqual([
      expect.objectContaining({ id: "kth", name: "KTH", allowedDomains: ["kth.se", "ug.kth.se"], groupsClaim: "groups", scopes: "openid email profile", trustEmail: false }),
    ]);
    expect(readEnv({ NODE_ENV: "test" }).oidcProviders).toEqual([]);
  });

  it("names the missing or wrong variable at boot", () => {
    expect(() => readEnv({ NODE_ENV: "test", ...KTH, PODIUM_OIDC_KTH_ISSUER: "not a url" })).toThrow(/PODIUM_OIDC_KTH_ISSUER/);
    expect(() => readEnv({ NODE_ENV: "test", ...KTH, PODIUM_OIDC_PROVIDERS: "kth,hkust" })).toThrow(/PODIUM_OIDC_HKUST_ISSUER/);
    expect(() => readEnv({ NODE_ENV: "test", ...KTH, PODIUM_OIDC_KTH_ALLOWED_DOMAINS: "" })).toThrow(/let somebody in/);
    expect(() => readEnv({ NODE_ENV: "test", PODIUM_REQUIRE_SSO: "on" })).toThrow(/PODIUM_REQUIRE_SSO/);
    expect(readEnv({ NODE_ENV: "test", ...KTH, PODIUM_REQUIRE_SSO: "on" }).PODIUM_REQUIRE_SSO).toBe("on");
  });
});
