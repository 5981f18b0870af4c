defmodule Helpdesk.RateLimiter do
  @moduledoc """
  Fixed-window request limits, counted in ETS. The process owns the table and
  drops the counters of windows that have ended.
  """
  use GenServer

  @table :helpdesk_rate_limits
  @cleanup_interval :timer.minutes(1)

  def start_link(opts) do
    GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  end

  @doc """
  Counts one request for `key`. Returns `:ok` while the key has made at most
  `limit` requests in the current window of `window_ms` milliseconds.
  """
  def check(key, limit, window_ms) do
    now = System.system_time(:millisecond)
    bucket = div(now, window_ms)
    expires_at = (bucket + 1) * window_ms

    count = :ets.update_counter(@table, {key, bucket}, {2, 1}, {{key, bucket}, 0, expires_at})

    if count <= limit, do: :ok, else: {:error, :rate_limited}
  end

  @impl true
  def init(_opts) do
    :ets.new(@table, [:named_table, :public, :set, write_concurrency: true])
    schedule_cleanup()
    {:ok, %{}}
  end

  @impl true
  def handle_info(:cleanup, state) do
    now = System.system_time(:millisecond)
    :ets.select_delete(@table, [{{:_, :_, :"$1"}, [{:<, :"$1", now}], [true]}])
    schedule_cleanup()
    {:noreply, state}
  end

  defp schedule_cleanup do
    Process.send_after(self(), :cleanup, @cleanup_interval)
  end
end
