import {
  indeedButtonSpec,
  type IndeedButtonSize,
  type IndeedButtonSurface,
} from "./indeed-button-spec";
import { IndeedInterviewButton } from "./indeed-interview-button";

const SIZES: IndeedButtonSize[] = ["sm", "md", "lg"];
const STATES = [
  { key: "default", label: "Default" },
  { key: "hover", label: "Hover" },
  { key: "active", label: "Pressed" },
  { key: "focus", label: "Keyboard focus" },
  { key: "disabled", label: "Disabled" },
] as const;

const SAMPLE = {
  applicationId: "DEMO-APP-1001",
  name: "Amara Okafor",
  email: "amara.okafor@example.com",
  jobTitle: "Senior Software Engineer",
};

function Surface({ surface }: { surface: IndeedButtonSurface }) {
  const dark = surface === "dark";
  return (
    <section
      aria-labelledby={`surface-${surface}`}
      className={
        dark
          ? "rounded-lg bg-slate-900 p-6 text-white"
          : "rounded-lg border border-slate-200 bg-white p-6 text-slate-900"
      }
    >
      <h2 id={`surface-${surface}`} className="mb-4 text-lg font-semibold">
        On a {surface} background
      </h2>
      <table className="w-full border-separate border-spacing-y-3 text-left text-sm">
        <caption className="sr-only">Button states and sizes on a {surface} background</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 font-semibold">
              State
            </th>
            {SIZES.map((size) => (
              <th key={size} scope="col" className="pr-4 font-semibold">
                {size === "sm" ? "Small" : size === "md" ? "Medium" : "Large"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATES.map((state) => (
            <tr key={state.key}>
              <th scope="row" className="pr-4 font-normal">
                {state.label}
              </th>
              {SIZES.map((size) => (
                <td key={size} className="pr-4">
                  <IndeedInterviewButton
                    application={SAMPLE}
                    size={size}
                    surface={surface}
                    disabled={state.key === "disabled"}
                    previewState={
                      state.key === "hover" || state.key === "active" || state.key === "focus"
                        ? state.key
                        : undefined
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The partner-review gallery: the live button plus every state and size, with the spec's tokens. */
export function IndeedButtonGallery() {
  const spec = indeedButtonSpec;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">“{spec.label}” button</h1>
        <p className="max-w-3xl text-slate-700">
          Every application row and page in Lobby uses this one button. All its visual tokens live
          in <code className="rounded bg-slate-100 px-1">components/indeed-button-spec.ts</code>, so
          Indeed&apos;s own specification can replace them without changing any page. It is a link
          to the interview form and works without JavaScript. Hover, pressed and focus are shown as
          they look; try the live buttons with a mouse and the Tab key.
        </p>
      </header>
      <Surface surface="light" />
      <Surface surface="dark" />
      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Tokens in use
        </h2>
        <pre className="overflow-x-auto rounded-lg bg-slate-100 p-4 text-xs text-slate-900">
          {JSON.stringify(
            {
              ...spec,
              logo: { viewBox: spec.logo.viewBox, paths: `${spec.logo.paths.length} paths` },
            },
            null,
            2,
          )}
        </pre>
      </section>
    </article>
  );
}
