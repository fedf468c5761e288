/** The team's « météo » after a workshop. */
export const Weathers = { onTrack: "on_track", watch: "watch", blocked: "blocked" } as const;
export type Weather = (typeof Weathers)[keyof typeof Weathers];

export const weatherLabels: Record<Weather, string> = { on_track: "En bonne voie", watch: "À surveiller", blocked: "Bloqué" };

/** The badge colour of each météo (the label says it too: colour is never the only sign). */
export const weatherBadges = { on_track: "success", watch: "warning", blocked: "error" } as const satisfies Record<Weather, string>;

export function isWeather(value: string): value is Weather {
  return Object.hasOwn(weatherLabels, value);
}
