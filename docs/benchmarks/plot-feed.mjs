// Draws docs/benchmarks/feed-read.svg from the JMH results of TimelineBenchmark:
//   ./mvnw -pl feed-service -Pbenchmark verify && node docs/benchmarks/plot-feed.mjs
// Both axes are logarithmic: the precomputed read should be a flat line, the read-time query a rising one.
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? 'feed-service/target/timeline-benchmark.json';
const output = process.argv[3] ?? 'docs/benchmarks/feed-read.svg';
const results = JSON.parse(readFileSync(input, 'utf8'));

const series = { precomputed: [], readTime: [] };
for (const r of results) {
  const name = r.benchmark.split('.').pop();
  if (name in series) {
    series[name].push({ x: Number(r.params.followees), y: r.primaryMetric.score / 1000 }); // µs to ms
  }
}
for (const points of Object.values(series)) points.sort((a, b) => a.x - b.x);

const W = 700, H = 400, left = 70, right = 210, top = 40, bottom = 60;
const xs = [10, 100, 1000, 10000], ys = [0.1, 1, 10, 100];
const lx = (x) => left + ((Math.log10(x) - 1) / 3) * (W - left - right);
const ly = (y) => H - bottom - ((Math.log10(y) + 1) / 3) * (H - top - bottom);
const colours = { precomputed: '#1f77b4', readTime: '#d62728' };
const labels = { precomputed: 'precomputed timeline (Mosaic)', readTime: 'read-time query (the clones)' };

let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">\n`;
svg += `<rect width="${W}" height="${H}" fill="white"/>\n`;
svg += `<text x="${W / 2 - 60}" y="22" text-anchor="middle" font-size="14">A home-feed page of 20: database time per read</text>\n`;
for (const x of xs) {
  svg += `<line x1="${lx(x)}" y1="${top}" x2="${lx(x)}" y2="${H - bottom}" stroke="#ddd"/>`;
  svg += `<text x="${lx(x)}" y="${H - bottom + 18}" text-anchor="middle">${x}</text>\n`;
}
for (const y of ys) {
  svg += `<line x1="${left}" y1="${ly(y)}" x2="${W - right}" y2="${ly(y)}" stroke="#ddd"/>`;
  svg += `<text x="${left - 8}" y="${ly(y) + 4}" text-anchor="end">${y}</text>\n`;
}
svg += `<text x="${(left + W - right) / 2}" y="${H - 18}" text-anchor="middle">accounts followed (log)</text>\n`;
svg += `<text transform="translate(18 ${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle">ms per page (log)</text>\n`;
let legend = top + 10;
for (const [name, points] of Object.entries(series)) {
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${lx(p.x).toFixed(1)},${ly(p.y).toFixed(1)}`).join(' ');
  svg += `<path d="${path}" fill="none" stroke="${colours[name]}" stroke-width="2"/>\n`;
  for (const p of points) {
    svg += `<circle cx="${lx(p.x).toFixed(1)}" cy="${ly(p.y).toFixed(1)}" r="3.5" fill="${colours[name]}"/>`;
    svg += `<text x="${(lx(p.x) + 6).toFixed(1)}" y="${(ly(p.y) - 6).toFixed(1)}" fill="${colours[name]}">${p.y.toFixed(2)}</text>\n`;
  }
  svg += `<line x1="${W - right + 12}" y1="${legend}" x2="${W - right + 32}" y2="${legend}" stroke="${colours[name]}" stroke-width="2"/>`;
  svg += `<text x="${W - right + 38}" y="${legend + 4}" font-size="11">${labels[name]}</text>\n`;
  legend += 20;
}
svg += '</svg>\n';
writeFileSync(output, svg);
console.log(`wrote ${output}`);
