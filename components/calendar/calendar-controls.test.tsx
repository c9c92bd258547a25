import type { ReactNode } from "react";
import { renderToReadableStream, renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { testEvent } from "@/lib/calendar/test-events.test-support";
import { CALENDAR_PRESETS } from "@/lib/calendar/search-params";
import { RadioGroup } from "./radio-group";
import { RangeControls } from "./range-picker";
import { WeekGrid } from "./week-grid";
import { ZoneSwitchControl } from "./zone-switch";

const noop = () => {};
const WEEK = [
  "2026-06-15",
  "2026-06-16",
  "2026-06-17",
  "2026-06-18",
  "2026-06-19",
  "2026-06-20",
  "2026-06-21",
];

/** The markup once the lazy parts (the custom range's form) have loaded, as the server streams it. */
async function renderLoaded(element: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return new Response(stream).text();
}

describe("RangeControls", () => {
  it("offers the presets as a radio group with the chosen one checked", () => {
    const html = renderToStaticMarkup(
      <RangeControls
        value={{ preset: "last-7-days" }}
        presets={CALENDAR_PRESETS}
        onChange={noop}
      />,
    );
    expect(html).toContain('role="radiogroup"');
    expect(html).toContain('aria-label="Date range"');
    expect(html).toMatch(/role="radio" aria-checked="true"[^>]*>Last 7 days</);
    expect(html).toMatch(/aria-checked="false"[^>]*>Custom range</);
    expect(html).not.toContain('type="date"');
  });

  it("shows two labelled date inputs for a custom range", async () => {
    const html = await renderLoaded(
      <RangeControls
        value={{ preset: "custom", from: "2026-03-01", to: "2026-03-31" }}
        presets={CALENDAR_PRESETS}
        onChange={noop}
      />,
    );
    const inputs = html.match(/<input[^>]*type="date"[^>]*>/g) ?? [];
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toContain('value="2026-03-01"');
    for (const input of inputs) {
      const id = /id="([^"]+)"/.exec(input)?.[1];
      expect(html).toContain(`for="${id}"`);
    }
    expect(html).toContain(">From<");
    expect(html).toContain(">To (inclusive)<");
    expect(html).not.toContain('aria-invalid="');
  });

  it("says so when the end is before the start, on the end date's input", async () => {
    const html = await renderLoaded(
      <RangeControls
        value={{ preset: "custom", from: "2026-03-10", to: "2026-03-01" }}
        presets={CALENDAR_PRESETS}
        onChange={noop}
      />,
    );
    expect(html).toContain("The end date must be on or after the start date.");
    expect(html).toMatch(/<input[^>]*aria-describedby="[^"]*-to-error"[^>]*aria-invalid="true"/);
  });
});

describe("RadioGroup", () => {
  it("is one tab stop, the checked option, and marks it for the styles", () => {
    const html = renderToStaticMarkup(
      <RadioGroup
        label="View"
        value="week"
        options={[
          { value: "agenda", label: "Agenda" },
          { value: "week", label: "Week" },
        ]}
        onChange={noop}
      />,
    );
    expect(html).toMatch(/<div role="radiogroup" aria-label="View"/);
    const radios = html.match(/<button[^>]*>/g) ?? [];
    expect(radios).toHaveLength(2);
    expect(radios[0]).toMatch(/aria-checked="false" data-state="off" tabindex="-1"/);
    expect(radios[1]).toMatch(/aria-checked="true" data-state="on" tabindex="0"/);
    expect(radios.every((radio) => radio.includes('type="button"'))).toBe(true);
  });
});

describe("ZoneSwitchControl", () => {
  it("names the viewer's zone and marks the chosen option", () => {
    const html = renderToStaticMarkup(
      <ZoneSwitchControl value="event" viewerZone="America/New_York" onChange={noop} />,
    );
    expect(html).toContain("Your time zone (America/New York)");
    expect(html).toMatch(/aria-checked="true"[^>]*>Each interview/);
  });
});

describe("WeekGrid", () => {
  const events = [
    testEvent("a", "2026-06-17T09:00:00Z", "2026-06-17T10:00:00Z", { timezone: "Europe/Berlin" }),
    testEvent("b", "2026-06-17T09:30:00Z", "2026-06-17T10:30:00Z", { status: "CANCELED" }),
    testEvent("c", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z"),
  ];
  const html = renderToStaticMarkup(
    <WeekGrid events={events} days={WEEK} viewerZone="UTC" zoneMode="viewer" today="2026-06-17" />,
  );

  it("has seven day columns with today marked", () => {
    expect(html.match(/<section/g)).toHaveLength(7);
    expect(html.match(/aria-current="date"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="date"[^>]*>Wed 17/);
  });

  it("keeps one interview in the tab order, the week's first", () => {
    const links = html.match(/<a[^>]*>/g) ?? [];
    expect(links).toHaveLength(3);
    expect(links.filter((link) => link.includes('tabindex="0"'))).toEqual([
      expect.stringContaining('href="/interviews/c"'),
    ]);
  });

  it("puts overlapping interviews side by side and states each one's zone", () => {
    const link = (id: string) =>
      html.match(new RegExp(`<a[^>]*href="/interviews/${id}"[^>]*>`))?.[0];
    expect(link("a")).toMatch(/style="top:37.5%;height:4.16\d*%;left:0%;width:50%"/);
    expect(link("b")).toMatch(/style="[^"]*left:50%;width:50%"/);
    expect(html).toContain("Set in Europe/Berlin");
    expect(html).toContain(", canceled");
  });
});
