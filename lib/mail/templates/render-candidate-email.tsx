import "server-only";
import { render, toPlainText } from "@react-email/components";
import type { CandidateMessage } from "../candidate-message";
import { CancellationEmail } from "./cancellation-email";
import { InvitationEmail } from "./invitation-email";
import { stringsFor, type TemplateLanguage, templateLanguageOf } from "./strings";
import { UpdateEmail } from "./update-email";

export interface RenderedCandidateEmail {
  /** The language the message went out in: the event's when a template exists, else `en`. */
  language: TemplateLanguage;
  subject: string;
  html: string;
  text: string;
}

function templateFor(message: CandidateMessage, language: TemplateLanguage) {
  const strings = stringsFor(language);
  switch (message.kind) {
    case "invitation":
      return <InvitationEmail message={message} strings={strings} />;
    case "update":
      return <UpdateEmail message={message} strings={strings} />;
    case "cancellation":
      return <CancellationEmail message={message} strings={strings} />;
  }
}

/**
 * The subject, HTML and plain text of a candidate message, in the event's language. The text is
 * derived from the same rendered HTML, so the two versions never say different things.
 */
export async function renderCandidateEmail(
  message: CandidateMessage,
): Promise<RenderedCandidateEmail> {
  const language = templateLanguageOf(message.event.language);
  const html = await render(templateFor(message, language));
  const subject = stringsFor(language).subject[message.kind](
    message.event.title,
    message.employer.name,
  );
  return {
    language,
    // A title with line breaks must not split the header; a French no-break space stays.
    subject: subject.replace(/[\r\n\t\f\v]+/g, " "),
    html,
    text: toPlainText(html, {
      // Headings keep their case: React Email would otherwise pass html-to-text's uppercasing on.
      selectors: [
        { selector: "h1", options: { uppercase: false } },
        { selector: "h2", options: { uppercase: false } },
      ],
    }),
  };
}
