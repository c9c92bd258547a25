import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as client from "openid-client";
import { sandboxUrl } from "./support/urls";

// The sandbox's OAuth half as an integrator meets it: a standard OIDC client library does
// discovery, PKCE, the code exchange, refresh and userinfo; the browser steps run in chromium.
// No app is needed: the redirect back to the app is read from the sandbox's answer.

const CALLBACK = "http://localhost:3000/api/auth/callback/indeed";
const SCOPES = "email employer_access offline_access interviews.schedule";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/**
 * The sandbox's redirect back to the app's callback, read from its 303 answer. Where the
 * browser goes next (nothing, or a Lobby someone is running on port 3000) does not matter.
 */
function redirectToCallback(page: Page): Promise<URL> {
  return page
    .waitForResponse((response) => (response.headers()["location"] ?? "").startsWith(CALLBACK))
    .then((response) => new URL(response.headers()["location"]!));
}

async function discover() {
  return client.discovery(new URL(sandboxUrl), "lobby-local", "lobby-local-secret", undefined, {
    execute: [client.allowInsecureRequests],
  });
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${sandboxUrl}/_sandbox/reset`, { data: {} })).ok()).toBe(true);
});

test("an OIDC client completes sign-in, employer choice, code exchange, refresh and userinfo", async ({
  page,
}) => {
  const config = await discover();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorizeUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: SCOPES,
    state,
    prompt: "select_employer",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const callback = redirectToCallback(page);

  await page.goto(authorizeUrl.href);
  await expect(page.getByRole("heading", { level: 1, name: "Choose an account" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /Dana Recruiter/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Choose an employer" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: /Globex Logistics/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: /Allow Lobby \(local\)/ }),
  ).toBeVisible();
  await expect(
    page.getByText("Schedule, change and cancel virtual interviews for you"),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Allow" }).click();
  const back = await callback;
  expect(back.searchParams.get("state")).toBe(state);
  expect(back.searchParams.get("employer")).toBe("emp-globex-logistics");

  const tokens = await client.authorizationCodeGrant(config, back, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  expect(tokens.token_type).toBe("bearer");
  expect(tokens.expires_in).toBe(3600);
  expect(tokens.scope).toBe(SCOPES);
  const idClaims = tokens.claims();
  expect(idClaims?.sub).toBe("user:u-dana");
  expect(idClaims?.employers).toEqual([
    { id: "emp-globex-logistics", name: "Globex Logistics", advertiserId: "5162030002" },
    { id: "emp-acme-robotics", name: "Acme Robotics", advertiserId: "5162030001" },
  ]);

  // The ID token's signature checks out against the published JWKS.
  const jwks = createRemoteJWKSet(new URL(`${sandboxUrl}/.well-known/keys`));
  const verified = await jwtVerify(tokens.id_token ?? "", jwks, {
    issuer: config.serverMetadata().issuer,
    audience: "lobby-local",
    algorithms: ["ES256"],
  });
  expect(verified.protectedHeader.kid).toBeTruthy();

  const info = await client.fetchUserInfo(config, tokens.access_token, idClaims?.sub ?? "");
  expect(info).toMatchObject({
    sub: "user:u-dana",
    email: "dana@acme-robotics.example",
    email_verified: true,
  });

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? "", {
    employer: "emp-acme-robotics",
  });
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  const accessClaims = JSON.parse(
    Buffer.from(refreshed.access_token.split(".")[1] ?? "", "base64url").toString(),
  ) as {
    emp?: string;
  };
  expect(accessClaims.emp).toBe("emp-acme-robotics");

  // The rotated refresh token is now refused, through the library too.
  await expect(client.refreshTokenGrant(config, tokens.refresh_token ?? "")).rejects.toMatchObject({
    error: "invalid_grant",
  });
});

test("the library verifies ID token signatures itself with non-repudiation checks on", async ({
  page,
}) => {
  const config = await discover();
  client.enableNonRepudiationChecks(config);
  const verifier = client.randomPKCECodeVerifier();
  const callback = redirectToCallback(page);
  await page.goto(
    client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: "employer_access interviews.schedule",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    }).href,
  );
  await page.getByRole("button", { name: /Riley Freelancer/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  const tokens = await client.authorizationCodeGrant(config, await callback, {
    pkceCodeVerifier: verifier,
  });
  expect(tokens.refresh_token).toBeUndefined();
  expect(tokens.claims()?.employers).toEqual([]);
});

test("a person of no employer continues without one; Deny sends access_denied", async ({
  page,
}) => {
  const config = await discover();
  const callback = redirectToCallback(page);
  await page.goto(
    client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: SCOPES,
      state: "s1",
      prompt: "select_employer",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    }).href,
  );
  await page.getByRole("button", { name: /Riley Freelancer/ }).click();
  await expect(page.getByText("is not a member of any employer")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("acting for no employer")).toBeVisible();
  await page.getByRole("checkbox", { name: /Stay connected/ }).uncheck();
  await page.getByRole("button", { name: "Deny" }).click();
  const denied = await callback;
  expect(denied.searchParams.get("error")).toBe("access_denied");
  expect(denied.searchParams.get("state")).toBe("s1");
});

test("the consent page is keyboard operable with a visible focus ring", async ({ page }) => {
  const config = await discover();
  await page.goto(
    client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    }).href,
  );
  await page.getByRole("button", { name: /Sam Hiring-Manager/ }).click();
  const allow = page.getByRole("button", { name: "Allow" });
  await allow.focus();
  await expect(allow).toBeFocused();
  const outline = await allow.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
});

test("the home, sign-in and error pages have no axe violations", async ({ page }) => {
  await page.goto(`${sandboxUrl}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Indeed sandbox" })).toBeVisible();
  await expect(page.getByText("lobby-local-secret")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`${sandboxUrl}/account/sign-in?return_to=/`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /Ivy Interviewer/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indeed sandbox" })).toBeVisible();

  const response = await page.goto(
    `${sandboxUrl}/oauth/v2/authorize?client_id=lobby-local&response_type=code&scope=email&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`,
  );
  expect(response?.status()).toBe(400);
  expect(page.url()).toContain(sandboxUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "This sign-in request is not valid",
  );
  await expectNoAxeViolations(page);
});

test("a page on another origin cannot reset the sandbox: its form POST is refused", async ({
  page,
  request,
}) => {
  const advanced = await request.post(`${sandboxUrl}/_sandbox/clock/advance`, {
    data: { days: 1 },
  });
  expect(advanced.ok()).toBe(true);
  const offset = async () =>
    ((await (await request.get(`${sandboxUrl}/_sandbox/clock`)).json()) as { offsetMs: number })
      .offsetMs;

  // A page the developer happens to visit, auto-submitting a form at the sandbox.
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Win a prize</title>
<form method="post" action="${sandboxUrl}/_sandbox/reset"><input name="confirm" value="1"></form>
<script>document.forms[0].submit()</script>`,
    }),
  );
  const answer = page.waitForResponse(`${sandboxUrl}/_sandbox/reset`);
  await page.goto("http://evil.example/");
  expect((await answer).status()).toBe(403);
  expect(await offset()).toBe(86_400_000);

  // The same from a script with a forged Origin, and a text/plain "simple" request.
  const forged = await request.post(`${sandboxUrl}/_sandbox/reset`, {
    headers: {
      Origin: "https://evil.example",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    data: "confirm=1",
  });
  expect([forged.status(), ((await forged.json()) as { error: string }).error]).toEqual([
    403,
    "Control requests from another origin are refused",
  ]);
  const textPlain = await request.post(`${sandboxUrl}/_sandbox/reset`, {
    headers: { "Content-Type": "text/plain" },
    data: "{}",
  });
  expect(textPlain.status()).toBe(415);
  expect(await offset()).toBe(86_400_000);
});

test("hostile return_to values of the sandbox sign-in land on the sandbox's own origin", async ({
  page,
}) => {
  for (const hostile of [
    "//evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "／／evil.example",
    "/／evil.example",
  ]) {
    await page.goto(`${sandboxUrl}/account/sign-in?return_to=${encodeURIComponent(hostile)}`);
    await page.getByRole("button", { name: /Ivy Interviewer/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Indeed sandbox" })).toBeVisible();
    expect([hostile, page.url()]).toEqual([hostile, `${sandboxUrl}/`]);
  }
});
