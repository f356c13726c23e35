import { eyes, framedPicture, HEIGHT, WIDTH } from './frame';

/** What makes one seed cat different from the next: colours, markings, pose and mood. */
export interface CatSpec {
  name: string;
  background: string;
  fur: string;
  innerEar: string;
  iris: string;
  /** Darker stripes on the forehead and cheeks (tabby). */
  stripes?: string;
  /** A second fur colour over one eye and ear (calico, tuxedo). */
  patch?: string;
  /** Degrees the head is tilted. */
  tilt: number;
  eyesClosed?: boolean;
  tongue?: boolean;
  /** Ear angle: 0 upright, positive folded outwards (a relaxed or sulking cat). */
  earDroop?: number;
}

function ear(side: -1 | 1, spec: CatSpec): string {
  const droop = (spec.earDroop ?? 0) * side;
  const outer = `${side * 100},-30 ${side * 78},-128 ${side * 18},-78`;
  const inner = `${side * 86},-44 ${side * 74},-108 ${side * 34},-76`;
  const fill = side === -1 && spec.patch ? spec.patch : spec.fur;
  return `<g transform="rotate(${droop} ${side * 60} -60)"><polygon points="${outer}" fill="${fill}" stroke="#222" stroke-width="3"/><polygon points="${inner}" fill="${spec.innerEar}"/></g>`;
}

function markings(spec: CatSpec): string {
  const parts: string[] = [];
  if (spec.patch)
    parts.push(
      `<path d="M-100 -10 C-100 -80 -40 -92 -8 -84 L-22 10 C-50 30 -96 30 -100 -10 Z" fill="${spec.patch}"/>`,
    );
  if (spec.stripes) {
    for (const x of [-22, 0, 22])
      parts.push(
        `<path d="M${x} -84 l${x / 6} 30" stroke="${spec.stripes}" stroke-width="7" stroke-linecap="round"/>`,
      );
    for (const side of [-1, 1]) {
      parts.push(
        `<path d="M${side * 96} 0 l${-side * 26} 4 M${side * 94} 20 l${-side * 24} 0" stroke="${spec.stripes}" stroke-width="6" stroke-linecap="round"/>`,
      );
    }
  }
  return parts.join('');
}

function whiskers(): string {
  const lines: string[] = [];
  for (const side of [-1, 1]) {
    for (const dy of [-6, 6, 18])
      lines.push(
        `<line x1="${side * 30}" y1="${30 + dy / 3}" x2="${side * 118}" y2="${22 + dy}" stroke="#333" stroke-width="2"/>`,
      );
  }
  return lines.join('');
}

/** A cat face: pointed ears, round head, slit pupils, pink nose, w-shaped mouth and whiskers. */
export function catFace(spec: CatSpec): string {
  const tongue = spec.tongue ? '<path d="M-9 44 q9 22 18 0 Z" fill="#e86a7a"/>' : '';
  const face = [
    `<g transform="translate(${WIDTH / 2} ${HEIGHT / 2 - 8}) rotate(${spec.tilt})">`,
    ear(-1, spec),
    ear(1, spec),
    `<ellipse cx="0" cy="0" rx="104" ry="88" fill="${spec.fur}" stroke="#222" stroke-width="3"/>`,
    markings(spec),
    eyes({ spread: 42, y: -12, iris: spec.iris, closed: spec.eyesClosed, pupil: 'slit', size: 17 }),
    '<polygon points="-11,16 11,16 0,29" fill="#f29bab" stroke="#7a3c45" stroke-width="2"/>',
    '<path d="M0 29 v8 M0 37 q-12 14 -24 2 M0 37 q12 14 24 2" stroke="#333" stroke-width="3" fill="none" stroke-linecap="round"/>',
    tongue,
    whiskers(),
    '</g>',
  ].join('');
  return framedPicture({ background: spec.background, face, caption: `${spec.name} · cat` });
}
