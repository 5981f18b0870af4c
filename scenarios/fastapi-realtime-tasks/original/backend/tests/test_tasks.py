from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_create_and_list_tasks(auth_headers, project):
    created = client.post(
        f"/api/projects/{project.id}/tasks",
        json={"title": "Write release notes"},
        headers=auth_headers,
    )
    assert created.status_code == 201
    assert created.json()["position"] == 1

    listed = client.get(f"/api/projects/{project.id}/tasks", headers=auth_headers)
    assert listed.status_code == 200
    assert [t["title"] for t in listed.json()] == ["Write release notes"]


def test_update_task_status(auth_headers, project, task):
    response = client.patch(
        f"/api/projects/{project.id}/tasks/{task.id}",
        json={"status": "done"},
        headers=auth_headers,
    )
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert response.json()["title"] == task.title


def test_non_member_cannot_list(other_user_headers, project):
    response = client.get(f"/api/projects/{project.id}/tasks", headers=other_user_headers)
    assert response.status_code == 404


def test_delete_task(auth_headers, project, task):
    response = client.delete(
        f"/api/projects/{project.id}/tasks/{task.id}", headers=auth_headers
    )
    assert response.status_code == 204
    again = client.get(f"/api/projects/{project.id}/tasks", headers=auth_headers)
    assert again.json() == []
