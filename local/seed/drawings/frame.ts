/** Picture size of every seed image: small enough for ~10–30 KB files, large enough for a gallery tile. */
export const WIDTH = 400;
export const HEIGHT = 300;

/** Escapes text for an SVG text node (captions are plain strings). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One seed picture: a background, a face drawn around the centre (already transformed by the caller),
 * and a caption band at the bottom so each image is recognisable by name in the gallery.
 */
export function framedPicture(options: {
  background: string;
  face: string;
  caption: string;
  captionColor?: string;
}): string {
  const { background, face, caption, captionColor = '#ffffff' } = options;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${background}"/>`,
    `<circle cx="330" cy="60" r="90" fill="#ffffff" opacity="0.18"/>`,
    `<circle cx="40" cy="250" r="70" fill="#000000" opacity="0.06"/>`,
    face,
    `<rect x="0" y="${HEIGHT - 44}" width="${WIDTH}" height="44" fill="#000000" opacity="0.45"/>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 15}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif"`,
    ` font-size="22" font-weight="bold" fill="${captionColor}">${escapeText(caption)}</text>`,
    '</svg>',
  ].join('');
}

/** Eyes, shared by both animals: open (iris + pupil + highlight) or closed (a happy arc). */
export function eyes(options: {
  spread: number;
  y: number;
  iris: string;
  closed?: boolean;
  pupil: 'slit' | 'round';
  size: number;
}): string {
  const { spread, y, iris, closed, pupil, size } = options;
  return [-spread, spread]
    .map((x) => {
      if (closed)
        return `<path d="M${x - size} ${y} q${size} ${-size} ${size * 2} 0" stroke="#2b2b2b" stroke-width="5" fill="none" stroke-linecap="round"/>`;
      const pupilShape =
        pupil === 'slit'
          ? `<ellipse cx="${x}" cy="${y}" rx="${size * 0.28}" ry="${size * 0.9}" fill="#111"/>`
          : `<circle cx="${x}" cy="${y}" r="${size * 0.62}" fill="#111"/>`;
      return [
        `<ellipse cx="${x}" cy="${y}" rx="${size}" ry="${size * 1.15}" fill="${iris}" stroke="#222" stroke-width="2"/>`,
        pupilShape,
        `<circle cx="${x + size * 0.3}" cy="${y - size * 0.4}" r="${size * 0.22}" fill="#fff"/>`,
      ].join('');
    })
    .join('');
}
