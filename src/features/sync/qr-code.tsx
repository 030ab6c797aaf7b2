// The one-time link as a QR code, drawn as SVG from qrcode's module matrix: no canvas, no
// markup injected, dark on white in either theme (scanners need the contrast), with the
// four-module quiet zone the standard asks for.
import { useMemo } from 'react';
import QRCode from 'qrcode';

const QUIET = 4;

export default function QrCode({ text }: { text: string }) {
  const { d, size } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let path = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    return { d: path, size: modules.size + 2 * QUIET };
  }, [text]);
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label="QR code of the one-time link"
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
