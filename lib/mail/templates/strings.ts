import type { CandidateMessageKind, EventChange } from "../candidate-message";

/**
 * Every word the candidate templates show, per language. A message goes out in the event's
 * language when a table exists for it and in English otherwise; the templates hold layout only.
 * Spanish and German address the job seeker formally (usted, Sie), as an employer writes.
 */

export const TEMPLATE_LANGUAGES = ["en", "fr", "es", "de"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface CandidateMailStrings {
  /** The Intl locale dates and times are written in. */
  locale: string;
  subject: Record<CandidateMessageKind, (title: string, employer: string) => string>;
  heading: Record<CandidateMessageKind, string>;
  greeting: (name: string) => string;
  intro: Record<CandidateMessageKind, (employer: string) => string>;
  changesLabel: string;
  changes: Record<EventChange, string>;
  titleLabel: string;
  whenLabel: string;
  joinButton: string;
  joinLinkIntro: string;
  /** Before the old lobby link in a cancellation, so the job seeker knows which interview. */
  closedLobby: string;
  cancelReasonLabel: string;
  expectHeading: string;
  noAccount: string;
  reminder: string;
  calendar: { request: string; cancel: string };
  privacy: (employer: string) => string;
  privacyLink: string;
  contact: (employer: string) => string;
}

const en: CandidateMailStrings = {
  locale: "en-GB",
  subject: {
    invitation: (title, employer) => `Interview invitation: ${title} (${employer})`,
    update: (title, employer) => `Interview changed: ${title} (${employer})`,
    cancellation: (title, employer) => `Interview cancelled: ${title} (${employer})`,
  },
  heading: {
    invitation: "You are invited to an interview",
    update: "Your interview has changed",
    cancellation: "Your interview is cancelled",
  },
  greeting: (name) => `Hello ${name},`,
  intro: {
    invitation: (employer) => `${employer} invites you to a video interview hosted by Indeed.`,
    update: (employer) =>
      `${employer} changed your video interview. The details below replace the earlier ones.`,
    cancellation: (employer) => `${employer} cancelled your video interview.`,
  },
  changesLabel: "What changed:",
  changes: {
    rescheduled: "the time",
    retitled: "the title",
    time_zone_changed: "the time zone it is shown in (the moment is the same)",
  },
  titleLabel: "Interview",
  whenLabel: "When",
  joinButton: "Join the interview",
  joinLinkIntro: "Or open this link:",
  closedLobby: "This link no longer opens the interview:",
  cancelReasonLabel: "Reason given:",
  expectHeading: "What to expect",
  noAccount: "You do not need an Indeed account: the link takes you straight to the lobby.",
  reminder: "Indeed emails you a reminder with the same link a few minutes before the start.",
  calendar: {
    request: "The attached calendar file adds the interview to your calendar and keeps it current.",
    cancel: "The attached calendar file removes the interview from your calendar.",
  },
  privacy: (employer) =>
    `Indeed hosts the interview. To set it up, ${employer} shared your name, your email address and the interview's details with Indeed.`,
  privacyLink: "What is shared with Indeed, and why",
  contact: (employer) => `Questions? Reply to this email or contact ${employer}:`,
};

// French puts a no-break space before a colon or a question mark.
const fr: CandidateMailStrings = {
  locale: "fr-FR",
  subject: {
    invitation: (title, employer) => `Invitation à un entretien\u00a0: ${title} (${employer})`,
    update: (title, employer) => `Entretien modifié\u00a0: ${title} (${employer})`,
    cancellation: (title, employer) => `Entretien annulé\u00a0: ${title} (${employer})`,
  },
  heading: {
    invitation: "Invitation à un entretien",
    update: "Votre entretien a été modifié",
    cancellation: "Votre entretien est annulé",
  },
  greeting: (name) => `Bonjour ${name},`,
  intro: {
    invitation: (employer) => `${employer} vous invite à un entretien vidéo hébergé par Indeed.`,
    update: (employer) =>
      `${employer} a modifié votre entretien vidéo. Les informations ci-dessous remplacent les précédentes.`,
    cancellation: (employer) => `${employer} a annulé votre entretien vidéo.`,
  },
  changesLabel: "Ce qui a changé\u00a0:",
  changes: {
    rescheduled: "l'horaire",
    retitled: "l'intitulé",
    time_zone_changed: "le fuseau horaire d'affichage (le moment reste le même)",
  },
  titleLabel: "Entretien",
  whenLabel: "Quand",
  joinButton: "Rejoindre l'entretien",
  joinLinkIntro: "Ou ouvrez ce lien\u00a0:",
  closedLobby: "Ce lien ne donne plus accès à l'entretien\u00a0:",
  cancelReasonLabel: "Motif indiqué\u00a0:",
  expectHeading: "À quoi vous attendre",
  noAccount:
    "Aucun compte Indeed n'est nécessaire\u00a0: le lien vous mène directement à la salle d'attente.",
  reminder: "Indeed vous envoie un rappel avec ce même lien quelques minutes avant le début.",
  calendar: {
    request: "Le fichier de calendrier joint ajoute l'entretien à votre agenda et le tient à jour.",
    cancel: "Le fichier de calendrier joint retire l'entretien de votre agenda.",
  },
  privacy: (employer) =>
    `Indeed héberge l'entretien. Pour l'organiser, ${employer} a transmis à Indeed votre nom, votre adresse e-mail et les détails de l'entretien.`,
  privacyLink: "Ce qui est transmis à Indeed, et pourquoi",
  contact: (employer) =>
    `Des questions\u00a0? Répondez à cet e-mail ou contactez ${employer}\u00a0:`,
};

const es: CandidateMailStrings = {
  locale: "es-ES",
  subject: {
    invitation: (title, employer) => `Invitación a una entrevista: ${title} (${employer})`,
    update: (title, employer) => `Entrevista modificada: ${title} (${employer})`,
    cancellation: (title, employer) => `Entrevista cancelada: ${title} (${employer})`,
  },
  heading: {
    invitation: "Invitación a una entrevista",
    update: "Su entrevista ha cambiado",
    cancellation: "Su entrevista se ha cancelado",
  },
  greeting: (name) => `Hola, ${name}:`,
  intro: {
    invitation: (employer) => `${employer} le invita a una entrevista por vídeo alojada en Indeed.`,
    update: (employer) =>
      `${employer} ha modificado su entrevista por vídeo. Los datos siguientes sustituyen a los anteriores.`,
    cancellation: (employer) => `${employer} ha cancelado su entrevista por vídeo.`,
  },
  changesLabel: "Qué ha cambiado:",
  changes: {
    rescheduled: "la hora",
    retitled: "el título",
    time_zone_changed: "la zona horaria en que se muestra (el momento es el mismo)",
  },
  titleLabel: "Entrevista",
  whenLabel: "Cuándo",
  joinButton: "Unirse a la entrevista",
  joinLinkIntro: "O abra este enlace:",
  closedLobby: "Este enlace ya no da acceso a la entrevista:",
  cancelReasonLabel: "Motivo indicado:",
  expectHeading: "Qué esperar",
  noAccount:
    "No necesita una cuenta de Indeed: el enlace le lleva directamente a la sala de espera.",
  reminder: "Indeed le envía un recordatorio con el mismo enlace unos minutos antes del inicio.",
  calendar: {
    request:
      "El archivo de calendario adjunto añade la entrevista a su calendario y la mantiene al día.",
    cancel: "El archivo de calendario adjunto elimina la entrevista de su calendario.",
  },
  privacy: (employer) =>
    `Indeed aloja la entrevista. Para organizarla, ${employer} ha compartido con Indeed su nombre, su dirección de correo electrónico y los datos de la entrevista.`,
  privacyLink: "Qué se comparte con Indeed y por qué",
  contact: (employer) => `¿Tiene preguntas? Responda a este correo o contacte con ${employer}:`,
};

const de: CandidateMailStrings = {
  locale: "de-DE",
  subject: {
    invitation: (title, employer) => `Einladung zum Vorstellungsgespräch: ${title} (${employer})`,
    update: (title, employer) => `Vorstellungsgespräch geändert: ${title} (${employer})`,
    cancellation: (title, employer) => `Vorstellungsgespräch abgesagt: ${title} (${employer})`,
  },
  heading: {
    invitation: "Einladung zum Vorstellungsgespräch",
    update: "Ihr Vorstellungsgespräch wurde geändert",
    cancellation: "Ihr Vorstellungsgespräch wurde abgesagt",
  },
  greeting: (name) => `Guten Tag ${name},`,
  intro: {
    invitation: (employer) =>
      `${employer} lädt Sie zu einem Video-Vorstellungsgespräch ein, das Indeed bereitstellt.`,
    update: (employer) =>
      `${employer} hat Ihr Video-Vorstellungsgespräch geändert. Die folgenden Angaben ersetzen die bisherigen.`,
    cancellation: (employer) => `${employer} hat Ihr Video-Vorstellungsgespräch abgesagt.`,
  },
  changesLabel: "Was sich geändert hat:",
  changes: {
    rescheduled: "die Uhrzeit",
    retitled: "der Titel",
    time_zone_changed: "die angezeigte Zeitzone (der Zeitpunkt bleibt gleich)",
  },
  titleLabel: "Gespräch",
  whenLabel: "Wann",
  joinButton: "Am Gespräch teilnehmen",
  joinLinkIntro: "Oder öffnen Sie diesen Link:",
  closedLobby: "Dieser Link führt nicht mehr zum Gespräch:",
  cancelReasonLabel: "Angegebener Grund:",
  expectHeading: "Was Sie erwartet",
  noAccount: "Sie brauchen kein Indeed-Konto: Der Link führt Sie direkt in den Warteraum.",
  reminder: "Indeed schickt Ihnen einige Minuten vor Beginn eine Erinnerung mit demselben Link.",
  calendar: {
    request:
      "Die angehängte Kalenderdatei trägt das Gespräch in Ihren Kalender ein und hält es aktuell.",
    cancel: "Die angehängte Kalenderdatei entfernt das Gespräch aus Ihrem Kalender.",
  },
  privacy: (employer) =>
    `Indeed stellt das Gespräch bereit. Dafür hat ${employer} Ihren Namen, Ihre E-Mail-Adresse und die Angaben zum Gespräch an Indeed übermittelt.`,
  privacyLink: "Was an Indeed übermittelt wird und warum",
  contact: (employer) =>
    `Fragen? Antworten Sie auf diese E-Mail oder wenden Sie sich an ${employer}:`,
};

const STRINGS: Record<TemplateLanguage, CandidateMailStrings> = { en, fr, es, de };

/** The template language for an event's language code (`fr`, `fr-CA`, `FR`); English otherwise. */
export function templateLanguageOf(languageCode: string | null): TemplateLanguage {
  const primary = languageCode?.trim().toLowerCase().split(/[-_]/)[0];
  return TEMPLATE_LANGUAGES.find((language) => language === primary) ?? "en";
}

export function stringsFor(language: TemplateLanguage): CandidateMailStrings {
  return STRINGS[language];
}
