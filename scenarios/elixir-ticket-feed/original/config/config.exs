import Config

config :helpdesk,
  ecto_repos: [Helpdesk.Repo],
  generators: [timestamp_type: :utc_datetime]

config :helpdesk, HelpdeskWeb.Endpoint,
  url: [host: "localhost"],
  adapter: Bandit.PhoenixAdapter,
  render_errors: [formats: [json: HelpdeskWeb.ErrorJSON], layout: false],
  pubsub_server: Helpdesk.PubSub

config :helpdesk, :ticket_rate_limit,
  limit: 120,
  window_ms: 60_000

config :logger, :console,
  format: "$time $metadata[$level] $message\n",
  metadata: [:request_id]

config :phoenix, :json_library, Jason

import_config "#{config_env()}.exs"
