"use client";

import { buttonClassName } from "@/components/ui/button-class-name";

/**
 * Opens the browser's print dialog (save as PDF from there). A native button with the button
 * look: <Button> would bring Radix's Slot into this page's first load for nothing.
 */
export function PrintButton() {
  return (
    <button
      type="button"
      className={buttonClassName({ variant: "outline" })}
      onClick={() => window.print()}
    >
      Print or save as PDF
    </button>
  );
}
