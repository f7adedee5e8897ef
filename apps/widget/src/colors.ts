/** The darker of black and white text wins only when it reads better on `hex` (WCAG contrast). */
export function textColorOn(hex: string): '#ffffff' | '#111111' {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return '#ffffff';
  const value = parseInt(match[1]!, 16);
  const luminance = relativeLuminance([(value >> 16) & 255, (value >> 8) & 255, value & 255]);
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / (relativeLuminance([17, 17, 17]) + 0.05);
  return onWhite >= onDark ? '#ffffff' : '#111111';
}

function relativeLuminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
