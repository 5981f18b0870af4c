defmodule HelpdeskWeb.TicketController do
  use HelpdeskWeb, :controller

  require Logger

  alias Helpdesk.RateLimiter
  alias Helpdesk.Tickets
  alias Helpdesk.Tickets.CacheWorker

  @default_per_page 25
  @rate_limit 120
  @rate_window_ms 60_000

  plug :rate_limit when action in [:index]

  def index(conn, params) do
    user = conn.assigns.current_user

    queue_id = String.to_integer(params["queue_id"])
    page = String.to_integer(params["page"] || "1")
    per_page = String.to_integer(params["per_page"] || "#{@default_per_page}")
    include_closed = params["include_closed"] == "true"
    sort = String.to_atom(params["sort"] || "updated_at")

    opts = [page: page, per_page: per_page, include_closed: include_closed, sort: sort]
    cache_key = {queue_id, page, per_page, sort, include_closed}

    case CacheWorker.fetch(cache_key, fn -> load_page(user, queue_id, opts) end) do
      {:ok, %{entries: tickets, total: total}} ->
        Logger.info("ticket feed queue=#{queue_id} user=#{user.email} page=#{page} total=#{total}")

        conn
        |> put_resp_header("cache-control", "public, max-age=30")
        |> render(:index, tickets: tickets, meta: pagination_meta(page, per_page, total))

      {:error, :not_found} ->
        conn
        |> put_status(:not_found)
        |> json(%{error: "not_found"})
    end
  end

  def show(conn, %{"id" => id}) do
    user = conn.assigns.current_user

    case Tickets.fetch_ticket(user, id) do
      {:ok, ticket} ->
        render(conn, :show, ticket: ticket)

      {:error, :not_found} ->
        conn
        |> put_status(:not_found)
        |> json(%{error: "not_found"})
    end
  end

  defp load_page(user, queue_id, opts) do
    with {:ok, queue} <- Tickets.fetch_queue(user, queue_id) do
      {:ok, Tickets.list_tickets(user, queue, opts)}
    end
  end

  defp pagination_meta(page, per_page, total) do
    %{
      page: page,
      per_page: per_page,
      total: total,
      total_pages: div(total + per_page - 1, per_page),
      has_more: page * per_page < total
    }
  end

  defp rate_limit(conn, _opts) do
    user = conn.assigns.current_user

    case RateLimiter.hit({:tickets, user.id}, @rate_limit, @rate_window_ms) do
      {:ok, info} ->
        put_rate_limit_headers(conn, info)

      {:error, :rate_limited, info} ->
        retry_after = info.reset_at - System.system_time(:millisecond)

        conn
        |> put_rate_limit_headers(info)
        |> put_resp_header("retry-after", Integer.to_string(retry_after))
        |> put_status(:too_many_requests)
        |> json(%{error: "rate_limited"})
        |> halt()
    end
  end

  defp put_rate_limit_headers(conn, info) do
    conn
    |> put_resp_header("x-ratelimit-limit", Integer.to_string(info.limit))
    |> put_resp_header("x-ratelimit-remaining", Integer.to_string(info.remaining))
    |> put_resp_header("x-ratelimit-reset", Integer.to_string(info.reset_at))
  end
end
