defmodule Helpdesk.Repo.Migrations.AddTicketFeedIndex do
  use Ecto.Migration

  def change do
    create index(:tickets, [:queue_id, :status, :updated_at])
  end
end
