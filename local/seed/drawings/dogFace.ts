import { eyes, framedPicture, HEIGHT, WIDTH } from './frame';

/** What makes one seed dog different from the next: breed colours, ears, markings, pose and mood. */
export interface DogSpec {
  name: string;
  background: string;
  fur: string;
  /** Muzzle and chest colour. */
  muzzle: string;
  earColor: string;
  ears: 'floppy' | 'pointed';
  /** A dark patch around one eye. */
  eyePatch?: string;
  /** Degrees the head is tilted (the famous puzzled head tilt). */
  tilt: number;
  tongue?: boolean;
  eyesClosed?: boolean;
  /** Brow dots above the eyes (shiba, rottweiler). */
  brows?: string;
}

function ears(spec: DogSpec): string {
  return ([-1, 1] as const)
    .map((side) =>
      spec.ears === 'floppy'
        ? `<ellipse cx="${side * 90}" cy="10" rx="32" ry="70" transform="rotate(${side * -14} ${side * 90} 10)" fill="${spec.earColor}" stroke="#222" stroke-width="3"/>`
        : `<polygon points="${side * 88},-20 ${side * 80},-122 ${side * 24},-74" fill="${spec.earColor}" stroke="#222" stroke-width="3"/>` +
          `<polygon points="${side * 76},-36 ${side * 74},-100 ${side * 40},-72" fill="${spec.muzzle}"/>`,
    )
    .join('');
}

/** A dog face: ears (floppy or pointed), broad head, light muzzle, big black nose, optional tongue. */
export function dogFace(spec: DogSpec): string {
  const patch = spec.eyePatch ? `<ellipse cx="40" cy="-18" rx="32" ry="28" fill="${spec.eyePatch}"/>` : '';
  const brows = spec.brows
    ? [-1, 1].map((s) => `<ellipse cx="${s * 38}" cy="-46" rx="11" ry="7" fill="${spec.brows}"/>`).join('')
    : '';
  const tongue = spec.tongue
    ? '<path d="M-16 62 h32 v16 a16 16 0 0 1 -32 0 Z" fill="#ec6f86" stroke="#8c3445" stroke-width="2"/><line x1="0" y1="64" x2="0" y2="82" stroke="#8c3445" stroke-width="2"/>'
    : '';
  const face = [
    `<g transform="translate(${WIDTH / 2} ${HEIGHT / 2 - 10}) rotate(${spec.tilt})">`,
    spec.ears === 'pointed' ? ears(spec) : '',
    `<ellipse cx="0" cy="0" rx="96" ry="92" fill="${spec.fur}" stroke="#222" stroke-width="3"/>`,
    spec.ears === 'floppy' ? ears(spec) : '',
    patch,
    brows,
    `<ellipse cx="0" cy="44" rx="58" ry="42" fill="${spec.muzzle}"/>`,
    eyes({ spread: 40, y: -18, iris: '#5a3a1e', closed: spec.eyesClosed, pupil: 'round', size: 13 }),
    '<ellipse cx="0" cy="24" rx="22" ry="15" fill="#1b1b1b"/><ellipse cx="-6" cy="19" rx="6" ry="3.5" fill="#777"/>',
    '<path d="M0 38 v12 M0 50 q-16 16 -32 4 M0 50 q16 16 32 4" stroke="#222" stroke-width="3" fill="none" stroke-linecap="round"/>',
    tongue,
    '</g>',
  ].join('');
  return framedPicture({ background: spec.background, face, caption: `${spec.name} · dog` });
}
