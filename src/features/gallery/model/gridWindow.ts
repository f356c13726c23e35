/**
 * Geometry of a virtualised grid of fixed-size tiles: which rows are near the viewport. Pure, so the
 * windowing hook only measures and the maths is tested on its own.
 */
export interface GridMetrics {
  itemCount: number;
  viewportWidth: number;
  viewportHeight: number;
  scrollTop: number;
  tileWidth: number;
  tileHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling rarely shows blank space. */
  overscanRows: number;
}

export interface GridWindow {
  columns: number;
  rowCount: number;
  totalHeight: number;
  /** First and last rendered rows (inclusive); `lastRow < firstRow` when nothing is rendered. */
  firstRow: number;
  lastRow: number;
}

export function computeGridWindow(m: GridMetrics): GridWindow {
  const columns = Math.max(1, Math.floor(m.viewportWidth / m.tileWidth));
  const rowCount = Math.ceil(m.itemCount / columns);
  const totalHeight = rowCount * m.tileHeight;
  const visibleRows = Math.ceil(m.viewportHeight / m.tileHeight);
  const topRow = Math.floor(Math.max(0, m.scrollTop) / m.tileHeight);
  const firstRow = Math.max(0, topRow - m.overscanRows);
  const lastRow = Math.min(rowCount - 1, topRow + visibleRows + m.overscanRows);
  return { columns, rowCount, totalHeight, firstRow, lastRow };
}

/** The scrollTop that brings an item's row into view (unchanged when it already is). */
export function scrollTopToReveal(
  index: number,
  columns: number,
  tileHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const rowTop = Math.floor(index / columns) * tileHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowTop + tileHeight > scrollTop + viewportHeight) return rowTop + tileHeight - viewportHeight;
  return scrollTop;
}
