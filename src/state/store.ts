/**
 * The one RouteLab store: data, training, session, routing and ui slices combined (zustand slices
 * pattern; middleware, if any, only here). Usable without React through `appStore.getState()`.
 */
import { create } from 'zustand';
import {
  createDataSlice,
  createRoutingSlice,
  createSessionSlice,
  createTrainingSlice,
  createUiSlice,
  initialData,
  initialRouting,
  initialSession,
  initialTraining,
  initialUi,
  type AppState,
} from './slices';
import { createMapSlice, initialMap } from './mapSlice';
import { createTrustSlice, initialTrust } from './trustSlice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createTrainingSlice(...a),
  ...createSessionSlice(...a),
  ...createRoutingSlice(...a),
  ...createUiSlice(...a),
  ...createMapSlice(...a),
  ...createTrustSlice(...a),
}));

/** The vanilla store API (getState / setState / subscribe) for actions and tests. */
export const appStore = useAppStore;

/** Back to the initial state (tests reset the store between cases). */
export function resetStore(): void {
  appStore.setState({
    data: initialData(),
    training: initialTraining(),
    session: initialSession(),
    routing: initialRouting(),
    ui: initialUi(),
    map: initialMap(),
    trust: initialTrust(),
  });
}

export type { AppState } from './slices';
