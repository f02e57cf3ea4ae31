/** The prompt map's tooltip: a ring round the point, its category, a detail line and the prompt text (as text, never HTML). */
import { truncateText } from './format';

export interface MapTooltipProps {
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  colour: string;
  title: string;
  detail: string;
  text: string;
  /** Shown for the keyboard cursor (a different ring, so it reads as the cursor). */
  keyboard?: boolean;
}

export function MapTooltip({ x, y, width, height, radius, colour, title, detail, text, keyboard }: MapTooltipProps) {
  const flipX = x > width * 0.6;
  const flipY = y > height * 0.6;
  return (
    <>
      <div
        className={`rl-map__ring${keyboard ? ' rl-map__ring--keyboard' : ''}`}
        style={{ left: x - radius - 4, top: y - radius - 4, width: radius * 2 + 8, height: radius * 2 + 8 }}
      />
      <div
        className="rl-tooltip rl-map__tooltip"
        data-testid="map-tooltip"
        style={{ ...(flipX ? { right: width - x + 10 } : { left: x + 10 }), ...(flipY ? { bottom: height - y + 10 } : { top: y + 10 }) }}
      >
        <div className="rl-tooltip__title">
          <span className="rl-swatch" style={{ background: colour }} aria-hidden="true" />
          {title}
        </div>
        <div className="rl-tooltip__sub">{detail}</div>
        <div className="rl-map__text">{truncateText(text, 280)}</div>
      </div>
    </>
  );
}
