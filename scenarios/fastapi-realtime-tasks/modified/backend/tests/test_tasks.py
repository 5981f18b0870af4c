import time

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


def test_list_includes_assignee_and_comment_count(auth_headers, project, task):
    response = client.get(f"/api/projects/{project.id}/tasks", headers=auth_headers)
    assert response.status_code == 200
    row = response.json()[0]
    assert "assignee_name" in row
    assert "comment_count" in row


def test_search_tasks_by_title(auth_headers, project, task):
    response = client.get(
        f"/api/projects/{project.id}/tasks",
        params={"search": task.title[:4]},
        headers=auth_headers,
    )
    assert response.status_code == 200
    assert task.id in [t["id"] for t in response.json()]


def test_websocket_broadcasts_task_updates(auth_headers, auth_token, project, task):
    url = f"/ws/projects/{project.id}?token={auth_token}"
    with client.websocket_connect(url) as websocket:
        websocket.send_text("ping")
        assert websocket.receive_text() == "pong"

        response = client.patch(
            f"/api/projects/{project.id}/tasks/{task.id}",
            json={"status": "review"},
            headers=auth_headers,
        )
        time.sleep(0.5)
        assert response.status_code == 200
