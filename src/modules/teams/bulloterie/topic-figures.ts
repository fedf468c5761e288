import { type SkillLevelCount, skillCategories } from "../../people/api.ts";

/** A topic of the bulloterie with its figures: people at each level and in all. */
export type TopicFigures = {
  slug: string;
  name: string;
  category: string;
  categoryLabel: string;
  curious: number;
  knows: number;
  experts: number;
  total: number;
};

const categoryLabels = new Map<string, string>(skillCategories.map((category) => [category.key, category.label]));

export function categoryLabel(key: string): string {
  return categoryLabels.get(key) ?? key;
}

/** The categories of the vocabulary in their own order, for the filter. */
export const topicCategories: readonly { key: string; label: string }[] = skillCategories;

/**
 * The topics someone marked, in the bulloterie's order: most people first, then French name order (the
 * counts come sorted by name). With `category`, only that category's topics.
 */
export function topicFiguresOf(counts: readonly SkillLevelCount[], category: string | null = null): TopicFigures[] {
  return counts
    .filter((count) => category === null || count.category === category)
    .map((count) => ({ ...count, categoryLabel: categoryLabel(count.category), total: count.curious + count.knows + count.experts }))
    .filter((topic) => topic.total > 0)
    .map((topic, nameOrder) => ({ topic, nameOrder }))
    .sort((a, b) => b.topic.total - a.topic.total || a.nameOrder - b.nameOrder)
    .map(({ topic }) => topic);
}

/** Figures of the whole map: topics shown and marks at each level. */
export function summarise(topics: readonly TopicFigures[]): { topics: number; curious: number; knows: number; experts: number; marks: number } {
  const sum = (pick: (topic: TopicFigures) => number) => topics.reduce((total, topic) => total + pick(topic), 0);
  return { topics: topics.length, curious: sum((t) => t.curious), knows: sum((t) => t.knows), experts: sum((t) => t.experts), marks: sum((t) => t.total) };
}
