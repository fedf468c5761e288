import type { ReactNode } from "react";

/** Level of a component's title, so it fits the outline of the page that uses it (RGAA 9.1). */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export function Heading({ level, className, id, children }: { level: HeadingLevel; className?: string; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={className} id={id}>
      {children}
    </Tag>
  );
}
