import type { Metadata } from "next";
import { IndeedButtonGallery } from "@/components/indeed-button-gallery";

export const metadata: Metadata = { title: "Create interview with Indeed: button states" };

/** Every state and size of the Indeed button, on light and dark, for Indeed's partner review. */
export default function ButtonGalleryPage() {
  return <IndeedButtonGallery />;
}
