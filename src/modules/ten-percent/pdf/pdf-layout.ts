/**
 * The start of every « Mon 10 % » Typst template (ADR 0035): reads the data (JSON only, never markup), sets
 * the document's title, author and language (fr-FR), Marianne, A4 pages with « Page 1 sur 2 » in the footer.
 * The data must hold `title`.
 */
export const pdfPageSetup = `#let data = json(bytes(sys.inputs.data))
#set document(title: data.title, author: "Programme 10 %")
#set text(lang: "fr", region: "FR", font: "Marianne", size: 10.5pt)
#set par(justify: false)
#set page(paper: "a4", margin: (x: 2cm, top: 2cm, bottom: 2.2cm), footer: context align(center, text(size: 8.5pt)[Programme 10~% — Page #counter(page).display() sur #counter(page).final().first()]))
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, it)
#set terms(separator: [~:#h(0.4em)])
#set table(inset: 5pt, stroke: 0.5pt + luma(160))
#show table.cell.where(y: 0): set text(weight: "bold")
`;
