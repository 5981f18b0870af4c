defmodule Helpdesk.Application do
  @moduledoc false
  use Application

  @impl true
  def start(_type, _args) do
    children = [
      HelpdeskWeb.Telemetry,
      Helpdesk.Repo,
      {Phoenix.PubSub, name: Helpdesk.PubSub},
      {Helpdesk.Tickets.CacheWorker, Application.get_env(:helpdesk, Helpdesk.Tickets.CacheWorker, [])},
      HelpdeskWeb.Endpoint
    ]

    opts = [strategy: :one_for_one, name: Helpdesk.Supervisor]
    Supervisor.start_link(children, opts)
  end

  @impl true
  def config_change(changed, _new, removed) do
    HelpdeskWeb.Endpoint.config_change(changed, removed)
    :ok
  end
end
