/**
 * Shows which tfjs backend runs the maths ("tfjs: wasm"); its tooltip (hover or keyboard focus) says
 * why that backend was chosen and names the WebGL renderer.
 */
import { useId } from 'react';
import { backendDescription } from './format';

export interface BackendChipProps {
  /** tfjs backend name ('webgl', 'wasm', 'cpu'); null / undefined while tfjs is still starting. */
  backend?: string | null;
  /** WebGL renderer string (WEBGL_debug_renderer_info), when known. */
  renderer?: string;
  /** True when the WebGL renderer is a software one (SwiftShader, llvmpipe): slow, a reason to prefer wasm. */
  softwareRenderer?: boolean;
  /** Why this backend was chosen (one sentence), shown first in the tooltip. */
  reason?: string;
  /** Which edge of the chip the tooltip lines up with: 'end' (default, for a chip at the right of a bar) or 'start'. */
  tipAlign?: 'start' | 'end';
  className?: string;
}

export function BackendChip({ backend, renderer, softwareRenderer, reason, tipAlign = 'end', className }: BackendChipProps) {
  const tipId = useId();
  const warn = backend === 'webgl' && softwareRenderer === true;
  const text = backend ? `tfjs: ${backend}` : 'tfjs: starting…';
  return (
    <span
      className={['rl-chip', warn ? 'rl-chip--warn' : '', backend ? '' : 'rl-chip--pending', className].filter(Boolean).join(' ')}
      tabIndex={0}
      aria-describedby={tipId}
      data-backend={backend ?? ''}
    >
      <span className="rl-chip__dot" aria-hidden="true" />
      {text}
      <span
        id={tipId}
        role="tooltip"
        className={['rl-chip__tip', tipAlign === 'start' ? 'rl-chip__tip--start' : ''].filter(Boolean).join(' ')}
      >
        {reason ? <span className="rl-chip__reason">{reason}</span> : null}
        <span>{backendDescription(backend, renderer, softwareRenderer)}</span>
      </span>
    </span>
  );
}
