defmodule Helpdesk.Accounts.User do
  use Ecto.Schema

  schema "users" do
    field :name, :string
    field :email, :string
    field :org_id, :integer
    field :role, Ecto.Enum, values: [:agent, :supervisor, :admin], default: :agent
    field :api_token, :string, virtual: true, redact: true
    field :api_token_hash, :binary, redact: true

    timestamps(type: :utc_datetime)
  end

  @doc "The value stored for an API token; tokens themselves are never stored."
  def hash_token(token) when is_binary(token), do: :crypto.hash(:sha256, token)
end
