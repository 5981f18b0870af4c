defmodule Helpdesk.Tickets.Queue do
  use Ecto.Schema
  import Ecto.Changeset

  schema "queues" do
    field :name, :string
    field :org_id, :integer
    field :archived, :boolean, default: false

    has_many :tickets, Helpdesk.Tickets.Ticket

    timestamps(type: :utc_datetime)
  end

  def changeset(queue, attrs) do
    queue
    |> cast(attrs, [:name, :org_id, :archived])
    |> validate_required([:name, :org_id])
  end
end
