defmodule Helpdesk.Accounts do
  @moduledoc """
  Agents and their API tokens.
  """
  alias Helpdesk.Repo
  alias Helpdesk.Accounts.User

  def fetch_user_by_api_token(token) when is_binary(token) do
    case Repo.get_by(User, api_token_hash: User.hash_token(token)) do
      nil -> {:error, :not_found}
      user -> {:ok, user}
    end
  end
end
