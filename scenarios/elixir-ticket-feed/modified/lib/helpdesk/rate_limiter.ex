defmodule Helpdesk.RateLimiter do
  @moduledoc """
  Sliding-window request limits. Each key keeps the timestamps of its recent
  requests in ETS, and a request is allowed while the key has made at most
  `limit` requests in the last `window_ms` milliseconds.

  The table is created on first use, so the limiter needs no process of its own.
  """

  @table :helpdesk_rate_limits

  @type info :: %{limit: pos_integer(), remaining: integer(), reset_at: integer()}

  @doc """
  Records one request for `key` and says whether it is within the limit, with
  the figures for the rate-limit response headers.
  """
  @spec hit(term(), pos_integer(), pos_integer()) ::
          {:ok, info()} | {:error, :rate_limited, info()}
  def hit(key, limit, window_ms) do
    ensure_table()

    now = System.system_time(:millisecond)
    window_start = now - window_ms

    recent =
      case :ets.lookup(@table, key) do
        [{^key, timestamps}] -> Enum.filter(timestamps, &(&1 > window_start))
        [] -> []
      end

    timestamps = [now | recent]
    :ets.insert(@table, {key, timestamps})

    count = length(timestamps)
    info = %{limit: limit, remaining: max(limit - count, 0), reset_at: now + window_ms}

    if count <= limit do
      {:ok, info}
    else
      {:error, :rate_limited, info}
    end
  end

  @doc "Forgets every request recorded for `key`."
  def reset(key) do
    ensure_table()
    :ets.delete(@table, key)
    :ok
  end

  defp ensure_table do
    case :ets.whereis(@table) do
      :undefined -> :ets.new(@table, [:named_table, :public, :set, write_concurrency: true])
      _table -> @table
    end
  end
end
