/**
 * Every visual token of the "Create interview with Indeed" button, in one place.
 *
 * Indeed gives integrators the button's specification privately; when it arrives, replace the
 * values here (same shape) and every button in Lobby follows without touching a caller. The
 * values below are Lobby's stand-in: Indeed's blue, white text, contrast checked for WCAG AA
 * (text ≥ 4.5:1, the control against its surface and the focus ring ≥ 3:1).
 * See docs/decisions/0022-indeed-button-spec-module.md.
 */

export type IndeedButtonSize = "sm" | "md" | "lg";
export type IndeedButtonSurface = "light" | "dark";

export interface IndeedButtonSurfaceTokens {
  background: string;
  backgroundHover: string;
  backgroundActive: string;
  text: string;
  /** The logo mark's fill. */
  logo: string;
  border: string;
  focusRing: string;
  disabledBackground: string;
  disabledText: string;
}

export interface IndeedButtonSizeTokens {
  height: string;
  paddingInline: string;
  fontSize: string;
  gap: string;
  logoSize: string;
}

export interface IndeedButtonSpec {
  label: string;
  fontFamily: string;
  fontWeight: number;
  radius: string;
  borderWidth: string;
  focusRingWidth: string;
  focusRingOffset: string;
  /** An inline SVG mark: a viewBox and the paths, drawn in `logo` colour. */
  logo: { viewBox: string; paths: string[] };
  sizes: Record<IndeedButtonSize, IndeedButtonSizeTokens>;
  surfaces: Record<IndeedButtonSurface, IndeedButtonSurfaceTokens>;
}

export const indeedButtonSpec: IndeedButtonSpec = {
  label: "Create interview with Indeed",
  fontFamily: "inherit",
  fontWeight: 700,
  radius: "8px",
  borderWidth: "1px",
  focusRingWidth: "3px",
  focusRingOffset: "2px",
  logo: {
    viewBox: "0 0 24 24",
    // A stand-in mark (an "i" under an arc), not Indeed's trademark; Indeed's spec supplies its own.
    paths: [
      "M5.2 9.1C7.6 5 12.6 3.1 17.6 4.4c.6.2 1.1.4 1.6.7.3.2.1.6-.2.5C14 4.1 8.9 5.5 5.9 9.5c-.3.4-.9 0-.7-.4Z",
      "M11.2 11.6c0-.8.6-1.3 1.4-1.3s1.4.5 1.4 1.3v7.6c0 .8-.6 1.3-1.4 1.3s-1.4-.5-1.4-1.3v-7.6Z",
      "M12.6 9.4a1.9 1.9 0 1 0 0-3.8 1.9 1.9 0 0 0 0 3.8Z",
    ],
  },
  sizes: {
    sm: {
      height: "2rem",
      paddingInline: "0.75rem",
      fontSize: "0.8125rem",
      gap: "0.375rem",
      logoSize: "1rem",
    },
    md: {
      height: "2.5rem",
      paddingInline: "1rem",
      fontSize: "0.875rem",
      gap: "0.5rem",
      logoSize: "1.25rem",
    },
    lg: {
      height: "3rem",
      paddingInline: "1.25rem",
      fontSize: "1rem",
      gap: "0.625rem",
      logoSize: "1.5rem",
    },
  },
  surfaces: {
    // On white: #2557a7 with white text is 6.9:1; the hover and active shades are darker still.
    light: {
      background: "#2557a7",
      backgroundHover: "#164081",
      backgroundActive: "#0d2d5e",
      text: "#ffffff",
      logo: "#ffffff",
      border: "#2557a7",
      focusRing: "#2557a7",
      disabledBackground: "#e2e8f0",
      disabledText: "#475569",
    },
    // On slate-900: a white button with Indeed-blue text (6.9:1) stands out (17:1 to the surface).
    dark: {
      background: "#ffffff",
      backgroundHover: "#d9e6ff",
      backgroundActive: "#b8d0fb",
      text: "#164081",
      logo: "#2557a7",
      border: "#ffffff",
      focusRing: "#ffffff",
      disabledBackground: "#334155",
      disabledText: "#cbd5e1",
    },
  },
};
