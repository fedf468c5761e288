import type { ReactNode } from "react";

export type TableProps = {
  /** Always required: it names the table for assistive technologies (RGAA 5.4). */
  caption: string;
  /** Keeps the caption for assistive technologies but hides it on screen. */
  noCaption?: boolean;
  columns: string[];
  rows: ReactNode[][];
  /** The first cell of each row heads its row (`<th scope="row">`). */
  rowHeaders?: boolean;
  size?: "sm" | "md" | "lg";
  bordered?: boolean;
  /** Cells wrap their text (default), so the table is as narrow as its content allows. */
  multiline?: boolean;
  id?: string;
};

/**
 * DSFR table: wrapper, container and content divs around a captioned table. The container scrolls
 * sideways when the table is wider than the screen, so it is a named, focusable region: keyboard users
 * scroll it with the arrow keys (WCAG 2.1.1, axe `scrollable-region-focusable`).
 */
export function Table({ caption, noCaption, columns, rows, rowHeaders, size = "md", bordered, multiline = true, id }: TableProps) {
  const className = ["fr-table", size === "md" ? "" : `fr-table--${size}`, bordered ? "fr-table--bordered" : "", multiline ? "fr-table--multiline" : "", noCaption ? "fr-table--no-caption" : ""].filter(Boolean).join(" ");
  return (
    <div className={className} id={id ? `${id}-component` : undefined}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" role="region" tabIndex={0} aria-label={caption}>
          <div className="fr-table__content">
            <table id={id}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column, index) => (
                    <th scope="col" key={index}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((cells, rowIndex) => (
                  <tr key={rowIndex}>
                    {cells.map((cell, cellIndex) =>
                      rowHeaders && cellIndex === 0 ? (
                        <th scope="row" key={cellIndex}>
                          {cell}
                        </th>
                      ) : (
                        <td key={cellIndex}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
