import { describe, expect, test } from "vitest";
import type { CandidateMessage } from "../candidate-message";
import {
  cancellation,
  INTERVIEWEE_LOBBY_URL,
  INTERVIEWER_LOBBY_URL,
  invitation,
  update,
} from "../test-messages.test-support";
import { renderCandidateEmail } from "./render-candidate-email";
import type { TemplateLanguage } from "./strings";

const PRIVACY_URL = "https://lobby.example.com/privacy";

// The fixture's interview, Tuesday 15 January 2030 14:30–15:15 in New York, as each language
// writes it.
const TIME: Record<TemplateLanguage, string> = {
  en: "Tuesday, 15 January 2030, 14:30–15:15 (America/New_York, UTC−05:00)",
  fr: "mardi 15 janvier 2030, 14:30–15:15 (America/New_York, UTC−05:00)",
  es: "martes, 15 de enero de 2030, 14:30–15:15 (America/New_York, UTC−05:00)",
  de: "Dienstag, 15. Januar 2030, 14:30–15:15 (America/New_York, UTC−05:00)",
};

const SUBJECT: Record<TemplateLanguage, Record<CandidateMessage["kind"], string>> = {
  en: {
    invitation: "Interview invitation: Frontend engineer interview (Acme Corp)",
    update: "Interview changed: Frontend engineer interview (Acme Corp)",
    cancellation: "Interview cancelled: Frontend engineer interview (Acme Corp)",
  },
  fr: {
    invitation: "Invitation à un entretien\u00a0: Frontend engineer interview (Acme Corp)",
    update: "Entretien modifié\u00a0: Frontend engineer interview (Acme Corp)",
    cancellation: "Entretien annulé\u00a0: Frontend engineer interview (Acme Corp)",
  },
  es: {
    invitation: "Invitación a una entrevista: Frontend engineer interview (Acme Corp)",
    update: "Entrevista modificada: Frontend engineer interview (Acme Corp)",
    cancellation: "Entrevista cancelada: Frontend engineer interview (Acme Corp)",
  },
  de: {
    invitation: "Einladung zum Vorstellungsgespräch: Frontend engineer interview (Acme Corp)",
    update: "Vorstellungsgespräch geändert: Frontend engineer interview (Acme Corp)",
    cancellation: "Vorstellungsgespräch abgesagt: Frontend engineer interview (Acme Corp)",
  },
};

const KINDS = {
  invitation: (language: string) => invitation({ event: { language } }),
  update: (language: string) => update(["rescheduled"], { event: { language } }),
  cancellation: (language: string) =>
    cancellation("The position is filled", { event: { language } }),
};

describe.each(["en", "fr", "es", "de"] as const)("in %s", (language) => {
  test.each(Object.keys(KINDS) as (keyof typeof KINDS)[])(
    "the %s has the title, the local time with zone and offset, the lobby and privacy links",
    async (kind) => {
      const email = await renderCandidateEmail(KINDS[kind](language));
      expect(email.language).toBe(language);
      expect(email.subject).toBe(SUBJECT[language][kind]);
      for (const body of [email.text, email.html]) {
        expect(body).toContain("Frontend engineer interview");
        expect(body).toContain(TIME[language]);
        expect(body).toContain(INTERVIEWEE_LOBBY_URL);
        expect(body).toContain(PRIVACY_URL);
        expect(body).toContain("Acme Corp");
        expect(body).toContain("careers@acme.example");
        expect(body).not.toContain(INTERVIEWER_LOBBY_URL);
      }
      expect(email.html).toContain(`<html dir="ltr" lang="${language}">`);
      expect(email.html).toContain(`href="${PRIVACY_URL}"`);
    },
  );
});

describe("candidate email", () => {
  test("invitations and updates have a button to the interviewee's lobby and say what to expect", async () => {
    for (const message of [invitation(), update(["retitled"])]) {
      const email = await renderCandidateEmail(message);
      expect(email.html).toMatch(
        new RegExp(`<a href="${INTERVIEWEE_LOBBY_URL}"[^>]*>.*Join the interview</span>`),
      );
      for (const body of [email.text, email.html]) {
        expect(body).toContain(
          "You do not need an Indeed account: the link takes you straight to the lobby.",
        );
        expect(body).toContain(
          "Indeed emails you a reminder with the same link a few minutes before the start.",
        );
      }
      expect(email.text).toContain(
        "Acme Corp shared your name, your email address and the interview's details with Indeed. What is shared with Indeed, and why https://lobby.example.com/privacy",
      );
    }
  });

  test("an update says what changed, in the message's language", async () => {
    const en = await renderCandidateEmail(update(["rescheduled", "retitled"]));
    expect(en.text).toContain("What changed: the time, the title");
    const de = await renderCandidateEmail(
      update(["time_zone_changed"], { event: { language: "de" } }),
    );
    expect(de.text).toContain(
      "Was sich geändert hat: die angezeigte Zeitzone (der Zeitpunkt bleibt gleich)",
    );
  });

  test("a cancellation gives the reason when there is one, and offers no button to join", async () => {
    const withReason = await renderCandidateEmail(cancellation("The position is filled"));
    expect(withReason.text).toContain("Reason given: The position is filled");
    expect(withReason.html).not.toContain("Join the interview");
    expect(withReason.text).toContain(
      `This link no longer opens the interview: ${INTERVIEWEE_LOBBY_URL}`,
    );
    expect(withReason.text).not.toContain("reminder");

    const withoutReason = await renderCandidateEmail(cancellation(undefined));
    expect(withoutReason.text).not.toContain("Reason given");
  });

  test.each([null, "ja", "xx", ""])("language %j falls back to English", async (language) => {
    const email = await renderCandidateEmail(invitation({ event: { language } }));
    expect(email.language).toBe("en");
    expect(email.subject).toBe(SUBJECT.en.invitation);
    expect(email.text).toContain(TIME.en);
  });

  test("a regional language code gets its language's template", async () => {
    const email = await renderCandidateEmail(invitation({ event: { language: "fr-CA" } }));
    expect(email.language).toBe("fr");
    expect(email.text).toContain(TIME.fr);
  });

  test("a hostile title and reason are text in the HTML, never markup", async () => {
    const title = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const email = await renderCandidateEmail(
      cancellation(`<b onclick="steal()">Filled</b>`, { event: { title } }),
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b onclick");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(email.text).toContain(title);
    expect(email.subject).toContain(title);
  });

  test("a title with line breaks gives a one-line subject", async () => {
    const email = await renderCandidateEmail(
      invitation({ event: { title: "Interview\r\nBcc: someone@evil.example" } }),
    );
    expect(email.subject).toBe(
      "Interview invitation: Interview Bcc: someone@evil.example (Acme Corp)",
    );
  });

  test("the offset shown is the one in effect at the interview: summer time in New York", async () => {
    const email = await renderCandidateEmail(
      invitation({ event: { start: "2030-07-16T18:30:00Z", end: "2030-07-16T19:15:00Z" } }),
    );
    expect(email.text).toContain(
      "Tuesday, 16 July 2030, 14:30–15:15 (America/New_York, UTC−04:00)",
    );
  });

  test("half-hour and quarter-hour zones show their offsets", async () => {
    const kolkata = await renderCandidateEmail(
      invitation({ event: { timeZone: "Asia/Kolkata", language: "de" } }),
    );
    expect(kolkata.text).toContain(
      "Mittwoch, 16. Januar 2030, 01:00–01:45 (Asia/Kolkata, UTC+05:30)",
    );
    const kathmandu = await renderCandidateEmail(
      invitation({ event: { timeZone: "Asia/Kathmandu" } }),
    );
    expect(kathmandu.html).toContain(
      "Wednesday, 16 January 2030, 01:15–02:00 (Asia/Kathmandu, UTC+05:45)",
    );
  });
});
