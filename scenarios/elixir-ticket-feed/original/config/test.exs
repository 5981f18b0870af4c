import Config

config :helpdesk, Helpdesk.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "helpdesk_test#{System.get_env("MIX_TEST_PARTITION")}",
  pool: Ecto.Adapters.SQL.Sandbox,
  pool_size: System.schedulers_online() * 2

config :helpdesk, HelpdeskWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4002],
  secret_key_base: "test-only-secret-key-base-not-used-outside-the-test-suite-000000",
  server: false

config :helpdesk, Helpdesk.Tickets.CacheWorker, refresh: false

config :helpdesk, :ticket_rate_limit,
  limit: 5,
  window_ms: 60_000

config :logger, level: :warning
