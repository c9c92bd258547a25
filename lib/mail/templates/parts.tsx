import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { type CandidateMessage, privacyUrlOf } from "../candidate-message";
import { formatInterviewTime } from "./interview-time";
import type { CandidateMailStrings } from "./strings";

/**
 * The pieces the three candidate templates share. Inline styles only: mail clients drop
 * stylesheets. Text is React children, so React escapes whatever Indeed or an employer typed
 * (a title like `<script>` stays text). Whatever the plain-text version must skip carries
 * `data-skip-in-text`, which React Email's plain-text conversion leaves out.
 */

export interface TemplateProps<M extends CandidateMessage = CandidateMessage> {
  message: M;
  strings: CandidateMailStrings;
}

const body = { backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" };
const container = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  maxWidth: "560px",
  padding: "32px",
};
const heading = { color: "#0f172a", fontSize: "22px", lineHeight: "28px", margin: "0 0 16px" };
const paragraph = { color: "#1e293b", fontSize: "15px", lineHeight: "22px" };
const small = { color: "#475569", fontSize: "13px", lineHeight: "19px" };
const label = { ...small, margin: "0" };
const detail = { ...paragraph, fontWeight: 600, margin: "0 0 12px" };
const button = {
  backgroundColor: "#2557a7",
  borderRadius: "8px",
  color: "#ffffff",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
const link = { color: "#2557a7", wordBreak: "break-all" as const };

export function EmailFrame({
  message,
  strings,
  children,
}: TemplateProps & { children: ReactNode }) {
  return (
    <Html lang={strings.locale.slice(0, 2)}>
      <Head />
      <Preview>{strings.intro[message.kind](message.employer.name)}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={heading}>
            {strings.heading[message.kind]}
          </Heading>
          <Text style={paragraph}>{strings.greeting(message.interviewee.name)}</Text>
          <Text style={paragraph}>{strings.intro[message.kind](message.employer.name)}</Text>
          {children}
          <Hr />
          <PrivacyNote message={message} strings={strings} />
          <Text style={small}>
            {strings.contact(message.employer.name)} {message.employer.contact}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The title and the time in the event's zone, with the zone named and its offset. */
export function InterviewDetails({ message, strings }: TemplateProps) {
  const { event } = message;
  return (
    <Section>
      <Text style={label}>{strings.titleLabel}</Text>
      <Text style={detail}>{event.title}</Text>
      <Text style={label}>{strings.whenLabel}</Text>
      <Text style={detail}>
        {formatInterviewTime(event.start, event.end, event.timeZone, strings.locale)}
      </Text>
    </Section>
  );
}

/** The interviewee's own lobby: a button, and the plain URL for clients that hide buttons. */
export function JoinLobby({ message, strings }: TemplateProps) {
  const url = message.interviewee.lobbyUrl;
  return (
    <Section>
      <Button href={url} style={button} data-skip-in-text="true">
        {strings.joinButton}
      </Button>
      <Text style={small}>
        {strings.joinLinkIntro}{" "}
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
    </Section>
  );
}

export function WhatToExpect({ strings }: Pick<TemplateProps, "strings">) {
  return (
    <Section>
      <Heading as="h2" style={{ ...heading, fontSize: "17px" }}>
        {strings.expectHeading}
      </Heading>
      <Text style={paragraph}>{strings.noAccount}</Text>
      <Text style={paragraph}>{strings.reminder}</Text>
    </Section>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

export function CalendarNote({ text }: { text: string }) {
  return <Text style={small}>{text}</Text>;
}

function PrivacyNote({ message, strings }: TemplateProps) {
  const url = privacyUrlOf(message);
  return (
    <Text style={small}>
      {strings.privacy(message.employer.name)}{" "}
      <Link href={url} style={link}>
        {strings.privacyLink}
      </Link>
    </Text>
  );
}
