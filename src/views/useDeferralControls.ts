/** The deferral charts' store wiring: the shared cost axis scale, each chart's zoom, and click-to-route. */
import { useMemo } from 'react';
import { useAppStore } from '../state/store';
import { pickCurvePoint, setChartZoom, setCostAxis } from '../state/chartActions';
import type { ChartZoom, DeferralChartId } from '../state/slices';

const pick = (id: string, cost: number, accuracy: number): void => {
  pickCurvePoint(id, cost, accuracy);
};

export function useDeferralControls(chart: DeferralChartId) {
  const costAxis = useAppStore((s) => s.ui.costAxis);
  const zoom = useAppStore((s) => s.ui.chartZoom[chart] ?? null);
  const onZoomChange = useMemo(() => (z: ChartZoom | null) => setChartZoom(chart, z), [chart]);
  return { costAxis, zoom, onCostAxisChange: setCostAxis, onZoomChange, onPickPoint: pick };
}
