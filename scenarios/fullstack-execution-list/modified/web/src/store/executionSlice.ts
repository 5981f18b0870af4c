import { createAsyncThunk, createSlice, PayloadAction } from '@reduxjs/toolkit';

export type ExecutionStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ExecutionDto {
  id: string;
  workflowId: string;
  stepName: string;
  status: ExecutionStatus;
  attempt: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ExecutionFilters {
  status: ExecutionStatus[];
  from?: string;
  to?: string;
  q?: string;
}

interface ExecutionPage {
  items: ExecutionDto[];
  total: number;
  summary: any;
}

export interface ExecutionState {
  filters: ExecutionFilters;
  limit: number;
  offset: number;
  pages: Record<string, ExecutionPage>;
  items: ExecutionDto[];
  total: number;
  summary: any;
  loading: boolean;
  error: string | null;
}

interface RootState {
  executions: ExecutionState;
}

const initialState: ExecutionState = {
  filters: { status: [] },
  limit: 25,
  offset: 0,
  pages: {},
  items: [],
  total: 0,
  summary: null,
  loading: false,
  error: null,
};

const pageKey = (filters: ExecutionFilters, limit: number, offset: number) =>
  `${JSON.stringify(filters)}|${limit}|${offset}`;

export const fetchExecutions = createAsyncThunk(
  'executions/fetch',
  async (_: void, { getState }) => {
    const { filters, limit, offset } = (getState() as RootState).executions;
    const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (filters.status.length > 0) params.set('status', filters.status.join(','));
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    if (filters.q) params.set('q', filters.q);

    const response = await fetch(`/api/executions?${params.toString()}`, { credentials: 'include' });
    const page: ExecutionPage = await response.json();
    return { key: pageKey(filters, limit, offset), page };
  },
  {
    condition: (_, { getState }) => {
      const { filters, limit, offset, pages } = (getState() as RootState).executions;
      return !pages[pageKey(filters, limit, offset)];
    },
  },
);

const executionSlice = createSlice({
  name: 'executions',
  initialState,
  reducers: {
    setFilters(state, action: PayloadAction<Partial<ExecutionFilters>>) {
      state.filters = { ...state.filters, ...action.payload };
      state.pages = {};
    },
    setPage(state, action: PayloadAction<number>) {
      state.offset = action.payload * state.limit;
      const cached = state.pages[pageKey(state.filters, state.limit, state.offset)];
      if (cached) {
        state.items = cached.items;
        state.total = cached.total;
        state.summary = cached.summary;
      }
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(fetchExecutions.pending, (state) => {
        state.loading = true;
        state.error = null;
      })
      .addCase(fetchExecutions.fulfilled, (state, action) => {
        const { key, page } = action.payload;
        state.pages[key] = page;
        state.items = page.items;
        state.total = page.total;
        state.summary = page.summary;
        state.loading = false;
      })
      .addCase(fetchExecutions.rejected, (state, action) => {
        state.loading = false;
        state.error = action.error.message ?? 'Could not load executions';
      });
  },
});

export const { setFilters, setPage } = executionSlice.actions;
export default executionSlice.reducer;

export const selectExecutions = (state: RootState) => state.executions.items;
export const selectFailedExecutions = (state: RootState) =>
  state.executions.items.filter((execution) => execution.status === 'failed');
export const selectPageCount = (state: RootState) =>
  Math.ceil(state.executions.total / state.executions.limit);
export const selectIsCached = (state: RootState) =>
  Boolean(state.executions.pages[pageKey(state.executions.filters, state.executions.limit, state.executions.offset)]);
