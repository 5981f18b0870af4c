defmodule Helpdesk.Tickets.CacheWorker do
  @moduledoc """
  ETS cache for the ticket feed.

    * Open-ticket counts per queue for the queue sidebar, refreshed once a minute.
    * Read-through caching of ticket pages: `fetch/2` answers from the table and
      loads a missing page through this process.
    * Background refresh: every cached page is reloaded every 30 seconds.
    * Bulk warming: the first pages of every active queue are loaded at start-up
      and every ten minutes, so the first request after a deploy is a hit.

  Readers go to the table directly; only this process writes to it.
  """
  use GenServer

  require Logger

  alias Helpdesk.Tickets

  @table :ticket_cache
  @refresh_interval :timer.minutes(1)
  @page_ttl :timer.minutes(5)
  @page_refresh_interval :timer.seconds(30)
  @warm_interval :timer.minutes(10)
  @warm_pages 3
  @warm_per_page 25

  def start_link(opts) do
    GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  end

  @doc "Open tickets in `queue_id`, or 0 until the first refresh has run."
  def open_count(queue_id) do
    case :ets.lookup(@table, {:open_count, queue_id}) do
      [{_key, count}] -> count
      [] -> 0
    end
  end

  @doc """
  Returns the cached value for `key`. On a miss, `loader` is called, its result
  is cached and from then on kept fresh in the background.
  """
  def fetch(key, loader) when is_function(loader, 0) do
    now = System.monotonic_time(:millisecond)

    case :ets.lookup(@table, {:page, key}) do
      [{_key, value, expires_at}] when expires_at > now ->
        value

      _missing_or_expired ->
        GenServer.call(__MODULE__, {:load, key, loader})
    end
  end

  @impl true
  def init(opts) do
    :ets.new(@table, [:named_table, :protected, read_concurrency: true])
    state = %{loaders: %{}}

    if Keyword.get(opts, :refresh, true) do
      send(self(), :refresh_counts)
      Process.send_after(self(), :warm, @warm_interval)
      {:ok, warm(state)}
    else
      {:ok, state}
    end
  end

  @impl true
  def handle_call({:load, key, loader}, _from, state) do
    value = loader.()
    {:reply, value, store(state, key, loader, value)}
  end

  @impl true
  def handle_info(:refresh_counts, state) do
    for {queue_id, count} <- Tickets.open_ticket_counts() do
      :ets.insert(@table, {{:open_count, queue_id}, count})
    end

    Process.send_after(self(), :refresh_counts, @refresh_interval)
    {:noreply, state}
  end

  def handle_info({:refresh_page, key}, state) do
    loader = Map.fetch!(state.loaders, key)

    try do
      {:noreply, store(state, key, loader, loader.())}
    rescue
      _ -> {:noreply, state}
    end
  end

  def handle_info(:warm, state) do
    state = warm(state)
    Process.send_after(self(), :warm, @warm_interval)
    {:noreply, state}
  end

  defp warm(state) do
    started_at = System.monotonic_time(:millisecond)

    state =
      Enum.reduce(Tickets.active_queues(), state, fn queue, acc ->
        scope = %{org_id: queue.org_id, role: :supervisor}

        for include_closed <- [false, true], page <- 1..@warm_pages, reduce: acc do
          acc ->
            opts = [page: page, per_page: @warm_per_page, include_closed: include_closed, sort: :updated_at]
            key = {queue.id, page, @warm_per_page, :updated_at, include_closed}
            loader = fn -> {:ok, Tickets.list_tickets(scope, queue, opts)} end
            store(acc, key, loader, loader.())
        end
      end)

    elapsed = System.monotonic_time(:millisecond) - started_at
    Logger.info("ticket cache warmed #{map_size(state.loaders)} pages in #{elapsed} ms")
    state
  end

  defp store(state, key, loader, value) do
    expires_at = System.monotonic_time(:millisecond) + @page_ttl
    :ets.insert(@table, {{:page, key}, value, expires_at})
    Process.send_after(self(), {:refresh_page, key}, @page_refresh_interval)
    %{state | loaders: Map.put(state.loaders, key, loader)}
  end
end
