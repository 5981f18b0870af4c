defmodule HelpdeskWeb.TicketController do
  use HelpdeskWeb, :controller

  alias Helpdesk.RateLimiter
  alias Helpdesk.Tickets

  plug :rate_limit when action in [:index]

  def index(conn, %{"queue_id" => queue_id}) do
    user = conn.assigns.current_user

    case Tickets.fetch_queue(user, queue_id) do
      {:ok, queue} ->
        render(conn, :index, tickets: Tickets.list_open_tickets(user, queue))

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

  defp rate_limit(conn, _opts) do
    %{limit: limit, window_ms: window_ms} = rate_limit_config()

    case RateLimiter.check({:tickets, conn.assigns.current_user.id}, limit, window_ms) do
      :ok ->
        conn

      {:error, :rate_limited} ->
        conn
        |> put_status(:too_many_requests)
        |> json(%{error: "rate_limited"})
        |> halt()
    end
  end

  defp rate_limit_config do
    :helpdesk
    |> Application.fetch_env!(:ticket_rate_limit)
    |> Map.new()
  end
end
