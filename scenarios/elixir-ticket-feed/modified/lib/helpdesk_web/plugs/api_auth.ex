defmodule HelpdeskWeb.Plugs.ApiAuth do
  @moduledoc """
  Authenticates API calls with the agent's bearer token and assigns
  `:current_user` (with its `org_id` and `role`).
  """
  import Plug.Conn

  alias Helpdesk.Accounts

  def init(opts), do: opts

  def call(conn, _opts) do
    with ["Bearer " <> token] <- get_req_header(conn, "authorization"),
         {:ok, user} <- Accounts.fetch_user_by_api_token(token) do
      assign(conn, :current_user, user)
    else
      _ ->
        conn
        |> put_status(:unauthorized)
        |> Phoenix.Controller.json(%{error: "unauthorized"})
        |> halt()
    end
  end
end
