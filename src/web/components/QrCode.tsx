import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/**
 * A QR code drawn as one SVG path from the module matrix: no innerHTML and no data: URL, so it works
 * under the strict Content-Security-Policy and scales crisply.
 */
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const { path, count } = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(value);
    code.make();
    const n = code.getModuleCount();
    let d = '';
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) if (code.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
    }
    return { path: d, count: n };
  }, [value]);
  const quiet = 4; // the quiet zone scanners need around the code
  const box = count + quiet * 2;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`${-quiet} ${-quiet} ${box} ${box}`} shapeRendering="crispEdges" className="bridges-qr">
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
