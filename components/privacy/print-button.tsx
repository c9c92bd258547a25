"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (save as PDF from there). */
export function PrintButton() {
  return (
    <Button variant="outline" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
