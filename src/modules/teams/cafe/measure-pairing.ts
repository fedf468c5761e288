// `npx tsx src/modules/teams/cafe/measure-pairing.ts [sizes…]`: times `computePairing` (ADR 0032) on
// seeded instances: 61 people from 4 ministries with no history (the case a plain MIP found hard), and
// 300, 500, 800 people from 15 ministries with eleven months of past rounds (90 % taking part each month,
// paired by the same code), 7 runs each after one warm-up; prints the median wall-clock and CPU times (the
// CPU time of this process says more on a loaded machine) and the solver's path.
import { addMonths } from "./domain/months.ts";
import { type CafeCandidate, computePairing, type PastMeeting } from "./domain/pairing.ts";

function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

async function instance(size: number, ministries: number, pastMonths: number, seed: number): Promise<{ candidates: CafeCandidate[]; history: PastMeeting[] }> {
  const random = generator(seed);
  const candidates = Array.from({ length: size }, (_, index) => ({ id: `p${String(index).padStart(4, "0")}`, ministryId: random() < 0.04 ? null : `m${Math.floor(random() * ministries)}`, leftOutLastRound: false }));
  const history: PastMeeting[] = [];
  let month = addMonths("2026-12", -pastMonths);
  for (let round = 0; round < pastMonths; round++) {
    const { groups } = await computePairing({ month, candidates: candidates.filter(() => random() < 0.9), history });
    for (const group of groups) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) history.push({ a: group[i]!, b: group[j]!, month });
    month = addMonths(month, 1);
  }
  return { candidates, history };
}

const cases = [
  { label: "61 people, 4 ministries, no history", size: 61, ministries: 4, pastMonths: 0 },
  { label: "300 people, 15 ministries, 11 months of history", size: 300, ministries: 15, pastMonths: 11 },
  { label: "500 people, 15 ministries, 11 months of history", size: 500, ministries: 15, pastMonths: 11 },
  { label: "800 people, 15 ministries, 11 months of history", size: 800, ministries: 15, pastMonths: 11 },
];
const wanted = process.argv.slice(2).map(Number);
for (const { label, size, ministries, pastMonths } of cases.filter((entry) => wanted.length === 0 || wanted.includes(entry.size))) {
  const { candidates, history } = await instance(size, ministries, pastMonths, size);
  await computePairing({ month: "2026-12", candidates, history });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let last: Awaited<ReturnType<typeof computePairing>> | undefined;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    last = await computePairing({ month: "2026-12", candidates, history });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  const { groups, unpaired, provenOptimal, solver } = last!;
  console.log(
    `${label}: median ${times[3]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[6]!.toFixed(0)}), CPU median ${cpuTimes[3]!.toFixed(0)} ms; ${groups.length} groups, ${unpaired.length} left out; ` +
      `proven optimal ${provenOptimal} by ${solver.method}, ${solver.cutRounds} cut rounds, ${solver.cuts} cuts, ${solver.columns} LP columns; ${history.length} past meetings`,
  );
}
