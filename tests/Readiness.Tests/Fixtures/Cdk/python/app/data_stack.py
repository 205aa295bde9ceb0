# CDK source in Python with no synthesized template beside it: judged at the source lines.
from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc")

        # Keyword arguments are the construct's properties (snake_case).
        self.orders = rds.DatabaseInstance(
            self,
            "Orders",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            publicly_accessible=True,  # Noncompliant RDY2001
            deletion_protection=False,  # Noncompliant RDY2002
            storage_encrypted=False,  # Noncompliant RDY2003
            backup_retention=Duration.days(7),
            removal_policy=RemovalPolicy.DESTROY,
        )
        self.orders.connections.allow_from(ec2.Peer.any_ipv4(), ec2.Port.tcp(5432), "Postgres from anywhere")  # Noncompliant RDY2102

        # Safe as written: nothing to report.
        rds.DatabaseCluster(
            self,
            "Ledger",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            vpc=vpc,
            writer=rds.ClusterInstance.provisioned("writer"),
            deletion_protection=True,
            backup=rds.BackupProps(retention=Duration.days(14)),
        )

        # Keyword arguments unpacked from a dict are not read here: undecided.
        db_props = {"vpc": vpc, "deletion_protection": False}
        rds.DatabaseInstance(self, "Imported", engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0), **db_props)  # Undecided RDY2001, RDY2002, RDY2003, RDY2004

        bastion = ec2.SecurityGroup(self, "Bastion", vpc=vpc, description="SSH")
        bastion.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(22), "SSH from anywhere")  # Noncompliant RDY2101
        bastion.add_ingress_rule(  # Noncompliant RDY2101
            peer=ec2.Peer.any_ipv4(),
            connection=ec2.Port.tcp(3389),
        )
        bastion.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))  # public HTTPS: fine
        # A string mentioning rds.DatabaseInstance(self, "x", deletion_protection=False) is not code.
        note = "rds.DatabaseInstance(self, 'Fake', deletion_protection=False)"
