import Link from "next/link";
import type { CSSProperties } from "react";
import {
  indeedButtonSpec,
  type IndeedButtonSize,
  type IndeedButtonSpec,
  type IndeedButtonSurface,
} from "./indeed-button-spec";

/** What an interview is created from: Indeed's ATS button took exactly these. */
export interface InterviewApplicationContext {
  /** The ATS's application id (letters, digits, `-`, `_`). */
  applicationId?: string;
  name?: string;
  email?: string;
  jobTitle?: string;
}

export interface IndeedInterviewButtonProps {
  application: InterviewApplicationContext;
  size?: IndeedButtonSize;
  /** The background the button sits on. */
  surface?: IndeedButtonSurface;
  disabled?: boolean;
  /** Names the applicant for screen readers when several buttons share a page. */
  accessibleContext?: string;
  /** Shows a hover, active or focus look without interaction (the /button gallery). */
  previewState?: "hover" | "active" | "focus";
  /** Replaces the spec (Indeed's own, or a test's). */
  spec?: IndeedButtonSpec;
}

/** The link target: the create form, prefilled. Works without JavaScript. */
export function interviewFormHref(application: InterviewApplicationContext): string {
  const query = new URLSearchParams();
  if (application.applicationId) query.set("applicationId", application.applicationId);
  if (application.name) query.set("name", application.name);
  if (application.email) query.set("email", application.email);
  if (application.jobTitle) query.set("jobTitle", application.jobTitle);
  const search = query.toString();
  return search ? `/interviews/new?${search}` : "/interviews/new";
}

/**
 * "Create interview with Indeed": the one button every application row and page uses. A plain
 * link styled from `indeed-button-spec.ts`; all its colours and sizes come from CSS variables
 * set from the spec, so the spec can change without touching this file's classes.
 */
export function IndeedInterviewButton({
  application,
  size = "md",
  surface = "light",
  disabled = false,
  accessibleContext,
  previewState,
  spec = indeedButtonSpec,
}: IndeedInterviewButtonProps) {
  const colours = spec.surfaces[surface];
  const metrics = spec.sizes[size];
  const resting =
    previewState === "hover"
      ? colours.backgroundHover
      : previewState === "active"
        ? colours.backgroundActive
        : colours.background;
  const style = {
    "--indeed-bg": disabled ? colours.disabledBackground : resting,
    "--indeed-bg-hover": disabled ? colours.disabledBackground : colours.backgroundHover,
    "--indeed-bg-active": disabled ? colours.disabledBackground : colours.backgroundActive,
    "--indeed-text": disabled ? colours.disabledText : colours.text,
    "--indeed-border": disabled ? colours.disabledBackground : colours.border,
    "--indeed-ring": colours.focusRing,
    "--indeed-ring-width": spec.focusRingWidth,
    "--indeed-ring-offset": spec.focusRingOffset,
    height: metrics.height,
    paddingInline: metrics.paddingInline,
    fontSize: metrics.fontSize,
    gap: metrics.gap,
    borderRadius: spec.radius,
    borderWidth: spec.borderWidth,
    fontFamily: spec.fontFamily,
    fontWeight: spec.fontWeight,
  } as CSSProperties;

  const className = [
    "inline-flex shrink-0 items-center justify-center border-solid whitespace-nowrap leading-none no-underline transition-colors",
    "border-(--indeed-border) bg-(--indeed-bg) text-(--indeed-text)",
    "focus-visible:outline-(length:--indeed-ring-width) focus-visible:outline-offset-(--indeed-ring-offset) focus-visible:outline-(--indeed-ring) focus-visible:outline-solid",
    disabled ? "cursor-not-allowed" : "hover:bg-(--indeed-bg-hover) active:bg-(--indeed-bg-active)",
    previewState === "focus" &&
      "outline-(length:--indeed-ring-width) outline-offset-(--indeed-ring-offset) outline-(--indeed-ring) outline-solid",
  ]
    .filter(Boolean)
    .join(" ");

  const content = (
    <>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox={spec.logo.viewBox}
        style={{ width: metrics.logoSize, height: metrics.logoSize, flexShrink: 0 }}
      >
        {spec.logo.paths.map((d) => (
          <path key={d} d={d} fill={disabled ? colours.disabledText : colours.logo} />
        ))}
      </svg>
      <span>{spec.label}</span>
      {accessibleContext && <span className="sr-only"> for {accessibleContext}</span>}
    </>
  );

  if (disabled) {
    // A link cannot be disabled; a non-interactive element keeps it out of the tab order.
    return (
      <span role="link" aria-disabled="true" className={className} style={style}>
        {content}
      </span>
    );
  }
  return (
    <Link
      href={interviewFormHref(application)}
      className={className}
      style={style}
      prefetch={false}
    >
      {content}
    </Link>
  );
}
