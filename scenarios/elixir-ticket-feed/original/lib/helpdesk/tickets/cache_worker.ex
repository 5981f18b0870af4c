defmodule Helpdesk.Tickets.CacheWorker do
  @moduledoc """
  Keeps the open-ticket count of every queue in ETS for the queue sidebar and
  refreshes it once a minute. Readers go to the table directly.
  """
  use GenServer

  alias Helpdesk.Tickets

  @table :ticket_cache
  @refresh_interval :timer.minutes(1)

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

  @impl true
  def init(opts) do
    :ets.new(@table, [:named_table, :protected, read_concurrency: true])

    if Keyword.get(opts, :refresh, true) do
      send(self(), :refresh_counts)
    end

    {:ok, %{}}
  end

  @impl true
  def handle_info(:refresh_counts, state) do
    for {queue_id, count} <- Tickets.open_ticket_counts() do
      :ets.insert(@table, {{:open_count, queue_id}, count})
    end

    Process.send_after(self(), :refresh_counts, @refresh_interval)
    {:noreply, state}
  end
end
