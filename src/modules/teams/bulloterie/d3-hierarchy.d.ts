// The two functions of d3-hierarchy (a dependency of @observablehq/plot) the bubble layout uses; the package ships no types.
declare module "d3-hierarchy" {
  export type PackCircle = { r: number; x?: number; y?: number };
  /** Places the circles side by side around the origin (front-chain packing); sets `x` and `y` on each, in place. */
  export function packSiblings<T extends PackCircle>(circles: T[]): (T & { x: number; y: number })[];
  /** The smallest circle enclosing the given ones. */
  export function packEnclose(circles: { r: number; x: number; y: number }[]): { r: number; x: number; y: number };
}
