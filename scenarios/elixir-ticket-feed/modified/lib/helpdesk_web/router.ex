defmodule HelpdeskWeb.Router do
  use HelpdeskWeb, :router

  pipeline :api do
    plug :accepts, ["json"]
    plug HelpdeskWeb.Plugs.ApiAuth
  end

  scope "/api", HelpdeskWeb do
    pipe_through :api

    get "/queues/:queue_id/tickets", TicketController, :index
    get "/tickets/:id", TicketController, :show
  end
end
